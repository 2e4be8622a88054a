package org.freezedesk.counterpartyrequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * @param answeredThrough for an answer the counterparty gave through another request of the case that asks for the same
 *                        target, that request ({@link RequestLabel}); null for an answer given through this request
 */
public record TargetOutcome(long responseId, long targetId, Outcome outcome, BigDecimal frozenAmount, String internalReference,
        LocalDate heldUntil, String onwardTxHash, String onwardAddress, String reason, OffsetDateTime submittedAt,
        String submittedByName, String answeredThrough) {

    public String frozenAmountText() {
        return frozenAmount == null ? "" : frozenAmount.stripTrailingZeros().toPlainString();
    }
}
