package org.freezedesk.recovery;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A counterparty confirmed the transfer of a recovery instruction; published in the transaction that stores it. */
public record RecoveryConfirmed(long recoveryInstructionId, long counterpartyRequestId, long targetId, String caseReference,
        String asset, BigDecimal amount, String transferTxHash, LocalDate transferredOn) {
}
