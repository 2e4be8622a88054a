package org.freezedesk.counterpartyrequest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A validated outcome for one target, ready to be stored. */
public record NewOutcome(long targetId, Outcome outcome, BigDecimal frozenAmount, String internalReference, LocalDate heldUntil,
        String onwardTxHash, String onwardAddress, String reason) {
}
