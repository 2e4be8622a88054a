package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.freezedesk.input.Decimals;
import org.freezedesk.input.InputPolicy;
import org.springframework.validation.Errors;

/** Reading the amounts and dates people type under the input policy, with the reason next to the field when they do not read. */
final class Amounts {

    private Amounts() {
    }

    static Optional<BigDecimal> positive(String text, String field, Errors errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Decimals.Parsed amount = Decimals.positive(text, Decimals.MAX_DECIMALS);
        if (!amount.valid()) {
            errors.rejectValue(field, "number", amount.problem());
            return Optional.empty();
        }
        return Optional.of(amount.amount());
    }

    static Optional<LocalDate> pastDate(String text, String field, LocalDate today, Errors errors) {
        Optional<LocalDate> date = InputPolicy.date(text, field, today, errors);
        if (date.isPresent() && date.get().isAfter(today)) {
            errors.rejectValue(field, "future", "Cannot be in the future");
            return Optional.empty();
        }
        return date;
    }

    /** A date after {@code current} (a freeze held longer), within the policy's range. */
    static Optional<LocalDate> laterDate(String text, String field, LocalDate current, LocalDate today, Errors errors) {
        Optional<LocalDate> date = InputPolicy.date(text, field, today, errors);
        if (date.isPresent() && !date.get().isAfter(current)) {
            errors.rejectValue(field, "notLater", "Must be after the current date, " + current);
            return Optional.empty();
        }
        return date;
    }
}
