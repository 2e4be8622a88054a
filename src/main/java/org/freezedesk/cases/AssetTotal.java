package org.freezedesk.cases;

import java.math.BigDecimal;

/** A sum per asset; {@code allCount} counts targets asking for everything at an address, which have no amount. */
public record AssetTotal(String asset, BigDecimal amount, int allCount) {

    public String amountText() {
        return amount.stripTrailingZeros().toPlainString();
    }
}
