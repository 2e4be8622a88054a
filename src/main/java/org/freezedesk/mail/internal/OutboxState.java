package org.freezedesk.mail.internal;

/** Where a stored message stands: waiting for (another) attempt, accepted by the server, or given up until an operator retries it. */
public enum OutboxState {
    PENDING, SENT, FAILED
}
