package org.freezedesk.input;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

class DateInRangeValidator implements ConstraintValidator<DateInRange, LocalDate> {

    @Override
    public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
        if (date == null) {
            return true;
        }
        Optional<String> outOfRange = InputPolicy.dateOutOfRange(date, LocalDate.now());
        if (outOfRange.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(outOfRange.get()).addConstraintViolation();
        return false;
    }
}
