package org.freezedesk.cases;

import java.time.OffsetDateTime;

/** One line of a case page: a counterparty request with its counterparty and progress. */
public record CounterpartyRequestSummary(long id, int requestSequence, String counterpartyName, CounterpartyRequestState state,
        OffsetDateTime notifiedAt, OffsetDateTime acknowledgedAt, OffsetDateTime respondedAt, OffsetDateTime closedAt,
        int targetCount, int answeredCount) {
}
