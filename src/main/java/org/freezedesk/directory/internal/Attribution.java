package org.freezedesk.directory.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The exchange an address belongs to, according to {@code source} on {@code attributedOn}. */
public record Attribution(String chain, String address, long counterpartyId, String counterpartyName, String source,
        LocalDate attributedOn, String importedBy, OffsetDateTime importedAt) {
}
