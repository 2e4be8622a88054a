package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One frozen target of one counterparty request to hand over, and what became of it. */
public record RecoveryInstruction(long id, long counterpartyRequestId, long targetId, Instrument instrument,
        String instrumentReference, LocalDate instrumentDate, RecoveryMethod method, String destinationAddress, BigDecimal amount,
        RecoveryState state, String filedBy, OffsetDateTime filedAt, String reviewedBy, String reviewComment,
        OffsetDateTime notifiedAt, OffsetDateTime answeredAt, String answeredByName, String transferTxHash,
        BigDecimal transferredAmount, LocalDate transferredOn, String declineReason, String caseReference,
        String counterpartyName, String chain, String asset, String targetAddress) {

    public String amountText() {
        return amount.stripTrailingZeros().toPlainString();
    }

    public String transferredAmountText() {
        return transferredAmount == null ? "" : transferredAmount.stripTrailingZeros().toPlainString();
    }
}
