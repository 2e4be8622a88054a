package org.freezedesk.auditing.internal;

import java.time.OffsetDateTime;

import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.TimelinePosition;

/**
 * One line of a case's timeline. Changes carry their hash; engine entries name the process instance
 * they come from and are not part of the hash chain (they are the engine's own history).
 */
public record TimelineEntry(TimelinePosition position, EntryKind kind, String actor, String role, String clientAddress,
        String action, String object, String before, String after, String processInstanceId, String hash) {

    public OffsetDateTime at() {
        return position.at();
    }

    static TimelineEntry of(AuditEvent e) {
        return new TimelineEntry(TimelinePosition.ofAudit(e), EntryKind.CHANGE, e.actor(), e.actorRole(), e.clientAddress(),
                e.action(), e.objectType() + " " + e.objectId(), e.beforeValue(), e.afterValue(), null, e.hash());
    }
}
