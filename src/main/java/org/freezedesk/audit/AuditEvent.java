package org.freezedesk.audit;

import java.time.OffsetDateTime;

/**
 * One stored audit event with its links: {@code prevHash} is the hash of the event appended before it,
 * {@code casePrevHash} that of the previous event of the same case, {@code hash} the HMAC-SHA256 of
 * {@link #canonical()} under the {@link AuditKey}.
 */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, String actorRole, String clientAddress,
        String action, String objectType, String objectId, String caseReference, String beforeValue, String afterValue,
        String prevHash, String casePrevHash, String hash) {

    /** The exact text the hash is taken over. */
    public String canonical() {
        return Canonical.content(this);
    }

    AuditEvent withHash(String newHash) {
        return new AuditEvent(id, occurredAt, actor, actorRole, clientAddress, action, objectType, objectId, caseReference,
                beforeValue, afterValue, prevHash, casePrevHash, newHash);
    }

    /** Whether the stored hash is the keyed hash of the stored content. */
    public boolean sealed(AuditKey key) {
        return key.sealed(id, canonical(), hash);
    }
}
