package org.freezedesk.cases.internal;

import java.math.BigDecimal;

import org.freezedesk.cases.RequestedAmounts;

/** A sum per asset; {@code allCount} counts targets asking for everything at an address, which have no amount. */
public record AssetTotal(String asset, BigDecimal amount, int allCount) {

    /** The amount and the unit, such as "1000.5 USDT + all USDT at 2 addresses". */
    public String describe() {
        return RequestedAmounts.describe(amount, allCount, asset);
    }

    public String amountText() {
        return amount.stripTrailingZeros().toPlainString();
    }
}
