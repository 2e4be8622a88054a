package org.freezedesk.counterpartyrequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

public record TargetOutcome(long responseId, long targetId, Outcome outcome, BigDecimal frozenAmount, String internalReference,
        LocalDate heldUntil, String onwardTxHash, String onwardAddress, String reason, OffsetDateTime submittedAt,
        String submittedByName) {

    public String frozenAmountText() {
        return frozenAmount == null ? "" : frozenAmount.stripTrailingZeros().toPlainString();
    }
}
