package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A checked instruction, ready to store; the destination is normalized, or null for burn and reissue. */
public record NewInstruction(FrozenHolding holding, Instrument instrument, String instrumentReference, LocalDate instrumentDate,
        RecoveryMethod method, String destinationAddress, BigDecimal amount) {
}
