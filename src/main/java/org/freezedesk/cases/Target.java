package org.freezedesk.cases;

import java.math.BigDecimal;

import org.freezedesk.directory.RouteKey;

/** One holding to freeze; a null amount means everything held at the address. */
public record Target(long id, long freezeRequestId, int lineNumber, String chain, String asset, String address,
        BigDecimal amount, String txHashes, String note) {

    public String amountText() {
        return amount == null ? RequestedAmounts.ALL : amount.stripTrailingZeros().toPlainString();
    }

    public RouteKey routeKey() {
        return new RouteKey(chain, asset, address);
    }
}
