package org.freezedesk.counterpartyrequest;

/**
 * Names shared by {@code bpmn/link-renewal.bpmn} and the Java that drives it. Mailing a fresh link is a process of
 * its own, so it also works once the counterparty request has ended.
 */
public final class LinkRenewalProcess {

    public static final String KEY = "link-renewal";

    public static final String COUNTERPARTY_REQUEST_ID = CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID;
    /** The registered contact address a fresh link was asked for from. */
    public static final String RENEWAL_REQUESTED_BY = "renewalRequestedBy";

    public static final String SEND_LINK_RENEWAL = "sendLinkRenewal";

    private LinkRenewalProcess() {
    }
}
