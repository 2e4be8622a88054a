package org.freezedesk.portal.internal;

import java.time.Duration;

import org.freezedesk.security.Throttles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts, per client address, look-ups that found nothing: links that do not open, verification codes that
 * do not match, unregistered addresses asking for a fresh link. Past the limit within the window the address
 * gets no more answers, on any portal page or API call, until the window has passed, which makes guessing
 * hopeless. The count is shared by every node ({@link Throttles}), so a load balancer spreading a guesser's
 * requests gains nothing.
 */
@Component
class FailedLookups {

    private final Throttles throttles;
    private final Throttles.Limit limit;

    FailedLookups(Throttles throttles, @Value("${freezedesk.portal.failed-lookups.limit}") int limit,
            @Value("${freezedesk.portal.failed-lookups.window}") Duration window) {
        this.throttles = throttles;
        this.limit = new Throttles.Limit("portal-lookup", limit, window);
    }

    boolean blocked(String client) {
        return !retryAfter(client).isZero();
    }

    void record(String client) {
        throttles.failed(limit, client);
    }

    /** How long until {@code client} may try again; zero when it may now. */
    Duration retryAfter(String client) {
        return throttles.blockedFor(limit, client);
    }
}
