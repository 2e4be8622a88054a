package org.freezedesk.counterpartyrequest.internal;

/** The follow-up was already done, or the counterparty answered in the meantime and closed it. */
public class FollowUpNotOpenException extends RuntimeException {

    public FollowUpNotOpenException(String reference, long counterpartyRequestId) {
        super("No follow-up of counterparty request " + counterpartyRequestId + " of " + reference + " is waiting for you");
    }
}
