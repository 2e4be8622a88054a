package org.freezedesk.counterpartyrequest.internal;

import java.util.List;

import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;

/**
 * One counterparty request as the agency's case page shows it: {@code link} is its latest link (null before the
 * first mail), {@code followUpOpen} whether the viewing user has a follow-up task for it, {@code caseClosed} whether
 * the case was closed, which ends every change to it.
 */
public record FollowUpView(CounterpartyRequest counterpartyRequest, String counterpartyName, int requestSequence, Link link,
        List<FollowUpContact> contacts, boolean followUpOpen, boolean caseClosed) {

    /** Revoking is offered only where it can work: a link that still opens, on a case still open. */
    public boolean linkRevocable() {
        return !caseClosed && link != null && link.opens();
    }

    /** Why a link that still opens cannot be revoked, or null. */
    public String revokeRefusal() {
        return caseClosed && link != null && link.opens()
                ? "The case is closed, so the link only shows the request as closed and takes no answer."
                : null;
    }
}
