package org.freezedesk.portal.internal;

import java.util.Optional;

import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.VerificationCodes;
import org.springframework.stereotype.Component;

/** Every way into the portal that a guesser could try, behind one limit on failures per client address. */
@Component
class PortalAccess {

    private final AccessLinks accessLinks;
    private final VerificationCodes verificationCodes;
    private final FailedLookups failedLookups;

    PortalAccess(AccessLinks accessLinks, VerificationCodes verificationCodes, FailedLookups failedLookups) {
        this.accessLinks = accessLinks;
        this.verificationCodes = verificationCodes;
        this.failedLookups = failedLookups;
    }

    /**
     * The link behind a token, open or ended. Only a token never issued counts as a failure: an ended link was
     * real once, and its holder needs the page that asks for a fresh one.
     */
    Optional<Link> lookUp(String token, String client) {
        refuseIfBlocked(client);
        Optional<Link> link = accessLinks.lookUp(token);
        if (link.isEmpty()) {
            failedLookups.record(client);
        }
        return link;
    }

    /** The counterparty request a genuine reference and code belong to; empty, counted as a failure, otherwise. */
    Optional<Long> verify(String reference, String code, String client) {
        refuseIfBlocked(client);
        Optional<Long> genuine = verificationCodes.verify(reference, code);
        if (genuine.isEmpty()) {
            failedLookups.record(client);
        }
        return genuine;
    }

    /** For look-ups that fail in ways only the caller can see, such as an unregistered address asking for a fresh link. */
    void recordFailure(String client) {
        failedLookups.record(client);
    }

    private void refuseIfBlocked(String client) {
        if (failedLookups.blocked(client)) {
            throw new TooManyFailedLookupsException(failedLookups.retryAfter(client));
        }
    }
}
