package org.freezedesk.counterpartyrequest;

import java.time.OffsetDateTime;

public record CounterpartyRequest(long id, long freezeRequestId, long counterpartyId, CounterpartyRequestState state,
        OffsetDateTime tokenExpiresAt, OffsetDateTime createdAt, OffsetDateTime notifiedAt, OffsetDateTime acknowledgedAt,
        String acknowledgedByName, String acknowledgedByTitle, OffsetDateTime respondedAt, OffsetDateTime closedAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
