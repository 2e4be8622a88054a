package org.freezedesk.recovery.internal;

import java.math.BigDecimal;

/** What came back per asset, from the transfers counterparties confirmed. */
public record RecoveryTotal(String asset, BigDecimal recovered) {

    public String recoveredText() {
        return recovered.stripTrailingZeros().toPlainString();
    }
}
