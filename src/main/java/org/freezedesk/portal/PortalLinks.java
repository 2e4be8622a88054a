package org.freezedesk.portal;

import java.util.Optional;

import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The way into a counterparty's request for portal pages of other modules (recoveries, freeze holds):
 * the same look-up as the portal's own pages, so a token never issued counts against the client's
 * failed look-ups there too.
 */
@Component
public class PortalLinks {

    private final PortalAccess access;

    PortalLinks(PortalAccess access) {
        this.access = access;
    }

    /** The counterparty request behind {@code token} when its link is open, for the client of the current request. */
    public Optional<CounterpartyRequest> open(String token) {
        String client = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest().getRemoteAddr();
        return access.lookUp(token, client).filter(Link::opens).map(Link::counterpartyRequest);
    }
}
