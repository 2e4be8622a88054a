package org.freezedesk.counterpartyrequest;

import java.time.OffsetDateTime;

import org.freezedesk.cases.CounterpartyRequestState;

/** {@code dueAt} is the deadline of the escalation timer; null until the notification went out. */
public record CounterpartyRequest(long id, long freezeRequestId, long counterpartyId, CounterpartyRequestState state,
        OffsetDateTime createdAt, OffsetDateTime notifiedAt, OffsetDateTime acknowledgedAt, String acknowledgedByName,
        String acknowledgedByTitle, OffsetDateTime respondedAt, OffsetDateTime closedAt, OffsetDateTime dueAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** The state a request waiting for answers is in, by what the counterparty has done so far. */
    public CounterpartyRequestState waitingState() {
        if (respondedAt != null) {
            return CounterpartyRequestState.RESPONDED;
        }
        return acknowledged() ? CounterpartyRequestState.ACKNOWLEDGED : CounterpartyRequestState.NOTIFIED;
    }
}
