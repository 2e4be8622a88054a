package org.freezedesk.portal.internal;

import java.util.Optional;

import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.portal.PortalLinks;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** {@link PortalLinks} for the client address of the web request being served. */
@Component
class RequestPortalLinks implements PortalLinks {

    private final PortalAccess access;

    RequestPortalLinks(PortalAccess access) {
        this.access = access;
    }

    @Override
    public Optional<CounterpartyRequest> open(String token) {
        String client = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest().getRemoteAddr();
        return access.lookUp(token, client).filter(Link::opens).map(Link::counterpartyRequest);
    }
}
