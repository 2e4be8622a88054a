package org.freezedesk.cases;

import java.time.OffsetDateTime;

/**
 * Funds a counterparty reported as moved on: where they went is a new place to ask for a freeze.
 * {@code followedUp} tells whether a request of the case already names the destination.
 */
public record Lead(long outcomeId, String counterpartyName, String chain, String asset, String onwardTxHash,
        String onwardAddress, OffsetDateTime reportedAt, boolean followedUp) {
}
