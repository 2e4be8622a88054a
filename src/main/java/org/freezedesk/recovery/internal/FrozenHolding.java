package org.freezedesk.recovery.internal;

import java.math.BigDecimal;

import org.freezedesk.directory.CounterpartyKind;

/**
 * A target a counterparty reported frozen, with what is left to instruct: the frozen amount less every
 * instruction still open or confirmed. A null frozen amount means "all at the address" with no figure given.
 */
public record FrozenHolding(long counterpartyRequestId, long targetId, String counterpartyName, CounterpartyKind counterpartyKind,
        int requestSequence, int lineNumber, String chain, String asset, String address, BigDecimal frozenAmount,
        BigDecimal instructedAmount) {

    /** The value a form sends to pick this holding. */
    public String key() {
        return counterpartyRequestId + ":" + targetId;
    }

    public BigDecimal available() {
        return frozenAmount == null ? null : frozenAmount.subtract(instructedAmount).max(BigDecimal.ZERO);
    }

    public String label() {
        String left = available() == null ? "amount not reported" : available().stripTrailingZeros().toPlainString() + " " + asset + " left";
        return counterpartyName + " · request " + requestSequence + " line " + lineNumber + " · " + chain + " " + asset + " "
                + address + " (" + left + ")";
    }
}
