package org.freezedesk.counterpartyrequest;

/** How a counterparty tells the requests of one case apart: the case reference and the request's number, {@code FRZ-2026-000123/2}. */
public final class RequestLabel {

    private RequestLabel() {
    }

    public static String of(String caseReference, int requestSequence) {
        return caseReference + "/" + requestSequence;
    }
}
