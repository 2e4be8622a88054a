package org.freezedesk.webhook.internal;

public enum DeliveryState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Not delivered before it was too old to try again. */
    FAILED
}
