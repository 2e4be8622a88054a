package org.freezedesk.audit;

import java.time.OffsetDateTime;

public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, String actorRole, String clientAddress,
        String action, String objectType, String objectId, String caseReference, String beforeValue, String afterValue) {
}
