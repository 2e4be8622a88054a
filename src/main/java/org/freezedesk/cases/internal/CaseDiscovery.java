package org.freezedesk.cases.internal;

/** Whether other agencies may learn that the case targets an address (README, "Address index"). */
public record CaseDiscovery(boolean undiscoverable, boolean covert, boolean doNotNotify) {

    /** A covert case, or one with a do-not-notify request, is never discoverable, whatever its agency set. */
    public boolean discoverable() {
        return !undiscoverable && !covert && !doNotNotify;
    }
}
