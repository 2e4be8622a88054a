package org.freezedesk.cases;

import java.time.OffsetDateTime;

/** An agency invited into a case by its lead agency, under a sharing agreement or MLAT, and how that invitation stands. */
public record CasePartner(long id, long caseId, String caseReference, String leadAgency, String agency, String agreement,
        PartnerScope scope, PartnerState state, String invitedBy, OffsetDateTime invitedAt, String answeredBy,
        OffsetDateTime answeredAt) {

    public boolean active() {
        return state == PartnerState.ACTIVE;
    }
}
