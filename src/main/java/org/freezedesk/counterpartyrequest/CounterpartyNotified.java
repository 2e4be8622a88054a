package org.freezedesk.counterpartyrequest;

import java.time.OffsetDateTime;

/** A counterparty's first mail was stored for sending, with the deadline it states; published in that transaction. */
public record CounterpartyNotified(long counterpartyRequestId, long freezeRequestId, long counterpartyId, String caseReference,
        OffsetDateTime deadline) {
}
