package org.freezedesk.cases.internal;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.freezedesk.cases.Urgency;

/**
 * The rules of a filing that tie fields together: an EMERGENCY request says why it cannot wait, and a request
 * that forbids telling the customer names its legal basis and an end date not in the past. Each error is put on
 * the field to fix, for the form and the API alike.
 */
@Documented
@Constraint(validatedBy = RequestRules.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface RequestRules {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RequestRules, FilingForm> {

        @Override
        public boolean isValid(FilingForm form, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (form.getUrgency() == Urgency.EMERGENCY && blank(form.getEmergencyJustification())) {
                valid = reject(context, "emergencyJustification", "Say why this request cannot wait for the usual legal review");
            }
            if (form.isDoNotNotify()) {
                if (blank(form.getDoNotNotifyBasis())) {
                    valid = reject(context, "doNotNotifyBasis", "Name the legal basis that forbids telling the customer");
                }
                if (form.getDoNotNotifyUntil() == null) {
                    valid = reject(context, "doNotNotifyUntil", "Enter the date until which the customer must not be told");
                } else if (form.getDoNotNotifyUntil().isBefore(LocalDate.now())) {
                    valid = reject(context, "doNotNotifyUntil", "The end date cannot be in the past");
                }
            }
            return valid;
        }

        private static boolean reject(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            return false;
        }

        private static boolean blank(String text) {
            return text == null || text.isBlank();
        }
    }
}
