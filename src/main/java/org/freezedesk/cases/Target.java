package org.freezedesk.cases;

import java.math.BigDecimal;

/** One holding to freeze; a null amount means everything held at the address. */
public record Target(long id, long freezeRequestId, int lineNumber, String chain, String asset, String address,
        BigDecimal amount, String txHashes, String note, Long counterpartyId) {

    public String amountText() {
        return amount == null ? "all" : amount.stripTrailingZeros().toPlainString();
    }
}
