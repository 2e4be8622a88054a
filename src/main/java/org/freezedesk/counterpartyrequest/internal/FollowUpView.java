package org.freezedesk.counterpartyrequest.internal;

import java.util.List;

import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;

/**
 * One counterparty request as the agency's case page shows it: {@code link} is its latest link (null before the
 * first mail), {@code followUpOpen} whether the viewing user has a follow-up task for it.
 */
public record FollowUpView(CounterpartyRequest counterpartyRequest, String counterpartyName, int requestSequence, Link link,
        List<FollowUpContact> contacts, boolean followUpOpen) {

    public boolean linkRevocable() {
        return link != null && link.opens();
    }
}
