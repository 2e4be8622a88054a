package org.freezedesk.counterpartyrequest;

/** A counterparty acknowledged its request for the first time; published in the transaction that stores it. */
public record CounterpartyAcknowledged(long counterpartyRequestId, long freezeRequestId, long counterpartyId, String caseReference) {
}
