package org.freezedesk.directory.internal;

import java.time.LocalDate;

/** An attribution that passed validation, address normalized, ready to be stored. */
public record NewAttribution(int lineNumber, String chain, String address, long counterpartyId, String source, LocalDate attributedOn) {
}
