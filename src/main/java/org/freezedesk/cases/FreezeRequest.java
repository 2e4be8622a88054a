package org.freezedesk.cases;

import java.time.OffsetDateTime;

public record FreezeRequest(long id, long caseId, int sequenceNumber, String legalBasis, String courtOrderReference,
        String mlatReference, Urgency urgency, FreezeRequestState state, String filedBy, OffsetDateTime filedAt,
        String processInstanceId) {

    public boolean original() {
        return sequenceNumber == 1;
    }
}
