package org.freezedesk.audit.internal;

import org.freezedesk.audit.ChainHead;

/**
 * The outcome of walking the chain: intact, or the first event that does not match and why.
 * {@code head} is the chain head as stored, to be kept outside the database.
 */
public record Verification(boolean intact, long eventsChecked, ChainHead head, Long brokenEventId, String problem) {

    /** One line for people and logs. */
    public String summary() {
        return intact
                ? "audit chain intact: " + eventsChecked + " events verified, head " + head.text()
                : "audit chain BROKEN at event " + brokenEventId + ": " + problem;
    }
}
