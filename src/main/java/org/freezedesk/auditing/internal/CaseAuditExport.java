package org.freezedesk.auditing.internal;

import java.util.List;

import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.Canonical;
import org.freezedesk.audit.ChainHead;

/**
 * The JSON export of a case's timeline. Each event carries the exact canonical text its hash was taken
 * over, and links to the case's previous event, so the file can be checked on its own: recompute each
 * SHA-256 and follow the links (see {@link ExportVerifier}). {@code chainHead} ties it to the whole log.
 * The engine's history is included for reading; it is the engine's record, not covered by the hashes.
 */
record CaseAuditExport(String format, String caseReference, String exportedAt, String hashAlgorithm, String canonicalization,
        ChainHead chainHead, String caseHead, List<Event> events, List<EngineEntry> engineHistory) {

    /** Field names are those of the canonical content, so each can be compared with it one to one. */
    record Event(long id, String occurredAt, String actor, String actorRole, String clientAddress, String action,
            String objectType, String objectId, String caseReference, String before, String after, String prevHash,
            String casePrevHash, String hash, String canonical) {

        static Event of(AuditEvent e) {
            return new Event(e.id(), Canonical.format(e.occurredAt()), e.actor(), e.actorRole(), e.clientAddress(), e.action(),
                    e.objectType(), e.objectId(), e.caseReference(), e.beforeValue(), e.afterValue(), e.prevHash(),
                    e.casePrevHash(), e.hash(), e.canonical());
        }
    }

    record EngineEntry(String at, String kind, String actor, String action, String object, String detail, String processInstanceId) {

        static EngineEntry of(TimelineEntry e) {
            return new EngineEntry(Canonical.format(e.at()), e.kind().name(), e.actor(), e.action(), e.object(), e.after(),
                    e.processInstanceId());
        }
    }
}
