package org.freezedesk.cases;

import java.time.Duration;
import java.time.OffsetDateTime;

/** One line of a case page: a counterparty request with its counterparty and progress. */
public record CounterpartyRequestSummary(long id, int requestSequence, String counterpartyName, CounterpartyRequestState state,
        OffsetDateTime notifiedAt, OffsetDateTime acknowledgedAt, OffsetDateTime respondedAt, OffsetDateTime closedAt,
        int targetCount, int answeredCount) {

    /** From the notification to the acknowledgement, such as "2 h 5 min"; null until both happened. */
    public String timeToAcknowledge() {
        return between(notifiedAt, acknowledgedAt);
    }

    /** From the notification to a final answer for every target: the counterparty's time to freeze. */
    public String timeToAnswer() {
        return between(notifiedAt, closedAt);
    }

    private static String between(OffsetDateTime from, OffsetDateTime to) {
        if (from == null || to == null) {
            return null;
        }
        long minutes = Math.max(0, Duration.between(from, to).toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return minutes / 60 + " h " + minutes % 60 + " min";
        }
        return minutes / (24 * 60) + " d " + minutes % (24 * 60) / 60 + " h";
    }
}
