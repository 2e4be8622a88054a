package org.freezedesk.cases;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How amounts read on pages and in reports: grouped by thousands, with exactly the decimals they have, and targets
 * asking for everything at an address as "all". Forms, CSV files and the API keep the plain decimal, which reads back.
 */
public final class RequestedAmounts {

    /** What a target asking for everything held at its address requests, wherever it is shown. */
    public static final String ALL = "all";

    private RequestedAmounts() {
    }

    /** "1,000.5", "all at 1 address", or "1,000.5 + all at 2 addresses"; {@code unit} follows each part when given. */
    public static String describe(BigDecimal amount, int allCount, String unit) {
        String suffix = unit == null ? "" : " " + unit;
        String amountPart = grouped(amount) + suffix;
        if (allCount == 0) {
            return amountPart;
        }
        String allPart = ALL + suffix + " at " + allCount + (allCount == 1 ? " address" : " addresses");
        return amount.signum() == 0 ? allPart : amountPart + " + " + allPart;
    }

    /** "1,234,567.000001" for 1234567.000001: every decimal the amount has and no more, grouped by thousands. */
    public static String grouped(BigDecimal amount) {
        BigDecimal exact = amount.stripTrailingZeros();
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        int decimals = Math.max(0, exact.scale());
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(exact);
    }

    /**
     * A plain amount as text (such as {@code Target.amountText()}) grouped; "all", an empty text and anything not a
     * number are left as they are.
     */
    public static String grouped(String plain) {
        if (plain == null || !plain.matches("-?\\d+(\\.\\d+)?")) {
            return plain;
        }
        return grouped(new BigDecimal(plain));
    }
}
