package org.freezedesk.counterpartyrequest;

/** Names shared by {@code bpmn/counterparty-request.bpmn} and the Java that drives it. */
public final class CounterpartyRequestProcess {

    public static final String KEY = "counterparty-request";

    public static final String FREEZE_REQUEST_ID = "freezeRequestId";
    public static final String COUNTERPARTY_REQUEST_ID = "counterpartyRequestId";
    public static final String COUNTERPARTY_ID = "counterpartyId";

    /** Correlated on {@link #COUNTERPARTY_REQUEST_ID} once a response is stored. */
    public static final String RESPONSE_MESSAGE = "counterpartyResponse";

    private CounterpartyRequestProcess() {
    }
}
