package org.freezedesk.cases;

/** Every counterparty request of a freeze request has ended; published in the transaction that marks it COMPLETED. */
public record FreezeRequestCompleted(long freezeRequestId, String caseReference) {
}
