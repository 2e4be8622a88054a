package org.freezedesk.security;

import java.time.OffsetDateTime;

/** What a counterparty is shown about the agency behind a request: who it is, where, and how it was vetted. */
public record AgencyStanding(String name, String jurisdiction, VettingStatus vettingStatus, String vettedBy, OffsetDateTime vettedAt,
        boolean active) {
}
