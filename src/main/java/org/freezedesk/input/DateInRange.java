package org.freezedesk.input;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A date FreezeDesk takes: from {@link InputPolicy#EARLIEST_DATE} to {@link InputPolicy#MAX_YEARS_AHEAD} years from
 * today. Outside it dates overflow the engine's timers or the database's range. Null is valid.
 */
@Documented
@Constraint(validatedBy = DateInRangeValidator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface DateInRange {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
