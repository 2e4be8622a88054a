package org.freezedesk.cases;

import java.math.BigDecimal;

/** How a requested total reads: targets asking for everything at an address have no amount to add up. */
public final class RequestedAmounts {

    private RequestedAmounts() {
    }

    /** "1000.5", "all at 1 address", or "1000.5 + all at 2 addresses"; {@code unit} follows each part when given. */
    public static String describe(BigDecimal amount, int allCount, String unit) {
        String suffix = unit == null ? "" : " " + unit;
        String amountPart = amount.stripTrailingZeros().toPlainString() + suffix;
        if (allCount == 0) {
            return amountPart;
        }
        String allPart = "all" + suffix + " at " + allCount + (allCount == 1 ? " address" : " addresses");
        return amount.signum() == 0 ? allPart : amountPart + " + " + allPart;
    }
}
