package org.freezedesk.audit.internal;

import java.util.Objects;

import org.freezedesk.audit.AuditConstants;
import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.ChainHead;

/**
 * Checks events fed in chain order: each must link to the hash of the one before and hash to its own
 * content. Stops judging at the first event that does not match, which is the one it names.
 */
public final class ChainVerifier {

    private final ChainHead stored;
    private final ChainHead kept;
    private String expectedPrevHash = AuditConstants.GENESIS_HASH;
    private AuditEvent last;
    private long checked;
    private Long brokenEventId;
    private String problem;
    private String keptEventHash;

    /**
     * {@code stored}: the head as the database has it, read in the same snapshot as the events;
     * {@code kept}: a head exported earlier, or null; its event must still be there, unchanged.
     */
    public ChainVerifier(ChainHead stored, ChainHead kept) {
        this.stored = stored;
        this.kept = kept;
    }

    public void accept(AuditEvent e) {
        if (problem != null) {
            return;
        }
        if (!e.prevHash().equals(expectedPrevHash)) {
            broken(e.id(), last == null
                    ? "the first event must link to the genesis hash but links to " + e.prevHash()
                    : "links to " + e.prevHash() + " but event " + last.id() + " before it has hash " + expectedPrevHash
                            + " (an event was removed, inserted or changed)");
            return;
        }
        if (stored.eventId() == null || last != null && Objects.equals(stored.eventId(), last.id())) {
            broken(e.id(), "comes after the last event the chain head names (" + stored.text() + "): added outside the chain");
            return;
        }
        if (!e.sealed()) {
            broken(e.id(), "its content does not match its hash " + e.hash() + " (the event was changed)");
            return;
        }
        if (kept != null && Objects.equals(kept.eventId(), e.id())) {
            keptEventHash = e.hash();
        }
        expectedPrevHash = e.hash();
        last = e;
        checked++;
    }

    public Verification result() {
        if (problem == null) {
            checkAgainstStoredHead();
        }
        if (problem == null && kept != null) {
            if (keptEventHash == null) {
                broken(kept.eventId(), "the event of the kept chain head " + kept.text() + " is missing");
            } else if (!keptEventHash.equals(kept.hash())) {
                broken(kept.eventId(), "has hash " + keptEventHash + ", not the " + kept.hash() + " of the kept chain head");
            }
        }
        return new Verification(problem == null, checked, stored, brokenEventId, problem);
    }

    private void checkAgainstStoredHead() {
        Long lastId = last == null ? null : last.id();
        if (!Objects.equals(stored.eventId(), lastId) || !stored.hash().equals(expectedPrevHash) || stored.eventCount() != checked) {
            broken(stored.eventId(), "the chain head names " + stored.text() + " after " + stored.eventCount()
                    + " events, but the log ends at " + (lastId == null ? "no event" : lastId + ":" + expectedPrevHash)
                    + " after " + checked + " (events at the end were removed)");
        }
    }

    private void broken(Long eventId, String why) {
        brokenEventId = eventId;
        problem = why;
    }
}
