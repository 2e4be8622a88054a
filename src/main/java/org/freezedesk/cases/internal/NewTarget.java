package org.freezedesk.cases.internal;

import java.math.BigDecimal;

import org.freezedesk.directory.RouteKey;

/** A target that passed validation, in normalized form, ready to be routed and stored. */
public record NewTarget(int lineNumber, String chain, String asset, String address, BigDecimal amount, String txHashes,
        String note) {

    public RouteKey routeKey() {
        return new RouteKey(chain, asset, address);
    }

    public String amountText() {
        return amount == null ? "all" : amount.stripTrailingZeros().toPlainString();
    }
}
