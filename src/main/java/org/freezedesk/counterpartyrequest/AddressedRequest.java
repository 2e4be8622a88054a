package org.freezedesk.counterpartyrequest;

import org.freezedesk.cases.Urgency;

/** One request addressed to a counterparty, with what a list of them shows of its case. */
public record AddressedRequest(CounterpartyRequest request, String caseReference, String caseTitle, String agency,
        int requestSequence, Urgency urgency) {
}
