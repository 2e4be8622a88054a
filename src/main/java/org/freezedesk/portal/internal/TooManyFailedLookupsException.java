package org.freezedesk.portal.internal;

import java.time.Duration;

/** The client address used up its failed look-ups; see {@link FailedLookups}. */
class TooManyFailedLookupsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyFailedLookupsException(Duration retryAfter) {
        super("too many failed look-ups from this address", null, false, false);
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
