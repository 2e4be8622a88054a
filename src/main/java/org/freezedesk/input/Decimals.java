package org.freezedesk.input;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one reader of amounts: exact decimals written plainly (no exponent, so no {@code 1E+2147483647}), at most
 * {@link #MAX_INTEGER_DIGITS} digits before the point and the asset's own decimals after it, more than zero. The
 * amount columns are NUMERIC(38, 18).
 */
public final class Decimals {

    public static final int MAX_INTEGER_DIGITS = 20;
    public static final int MAX_DECIMALS = 18;

    /** Digits with an optional point; underscores and thousands separators are not taken, to leave no doubt. */
    private static final Pattern PLAIN = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    /** Longer than any amount the columns hold, with room for leading and trailing zeros. */
    private static final int MAX_LENGTH = 80;

    /** An amount, or why the text is not one. */
    public record Parsed(BigDecimal amount, String problem) {

        public boolean valid() {
            return problem == null;
        }
    }

    private Decimals() {
    }

    /** {@code decimals} is what the asset allows after the point, at most {@link #MAX_DECIMALS}. */
    public static Parsed positive(String text, int decimals) {
        String value = text == null ? "" : text.strip();
        if (value.length() > MAX_LENGTH || !PLAIN.matcher(value).matches()) {
            return refused("Enter a number such as 1250.5");
        }
        BigDecimal amount = new BigDecimal(value);
        if (amount.signum() <= 0) {
            return refused("The amount must be more than zero");
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            return refused("The amount is too large: at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        int allowed = Math.min(decimals, MAX_DECIMALS);
        if (amount.stripTrailingZeros().scale() > allowed) {
            return refused("At most " + allowed + " decimal places");
        }
        return new Parsed(amount, null);
    }

    private static Parsed refused(String problem) {
        return new Parsed(null, problem);
    }
}
