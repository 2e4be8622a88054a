package org.freezedesk.portal;

import java.util.Optional;

import org.freezedesk.counterpartyrequest.CounterpartyRequest;

/**
 * The way into a counterparty's request for portal pages of other modules (recoveries, freeze holds): the
 * same look-up as the portal's own pages, so a token never issued counts against the client's failed
 * look-ups there too.
 */
public interface PortalLinks {

    /** The counterparty request behind {@code token} when its link is open, for the client of the current request. */
    Optional<CounterpartyRequest> open(String token);
}
