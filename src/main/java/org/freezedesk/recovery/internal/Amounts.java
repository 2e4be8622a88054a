package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.springframework.validation.Errors;

/** Reading the amounts and dates people type, with the reason next to the field when they do not read. */
final class Amounts {

    /** Amounts are stored as NUMERIC(38, 18). */
    private static final int MAX_SCALE = 18;
    private static final int MAX_INTEGER_DIGITS = 20;

    private Amounts() {
    }

    static Optional<BigDecimal> positive(String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number", "Write a plain decimal number, such as 1250.5");
            return Optional.empty();
        }
        if (amount.signum() <= 0) {
            errors.rejectValue(field, "positive", "Must be more than zero");
            return Optional.empty();
        }
        if (amount.stripTrailingZeros().scale() > MAX_SCALE || amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            errors.rejectValue(field, "range", "At most 20 digits before and 18 after the decimal point");
            return Optional.empty();
        }
        return Optional.of(amount);
    }

    static Optional<LocalDate> pastDate(String text, String field, LocalDate today, Errors errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isAfter(today)) {
                errors.rejectValue(field, "future", "Cannot be in the future");
                return Optional.empty();
            }
            return Optional.of(date);
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "date", "Write the date as YYYY-MM-DD");
            return Optional.empty();
        }
    }
}
