package org.freezedesk.cases;

import java.math.BigDecimal;

/** A target that passed validation, in normalized form, ready to be stored. */
public record NewTarget(int lineNumber, String chain, String asset, String address, BigDecimal amount, String txHashes,
        String note, long counterpartyId) {
}
