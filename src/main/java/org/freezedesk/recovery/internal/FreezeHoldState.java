package org.freezedesk.recovery.internal;

public enum FreezeHoldState {
    /** Held; the warning has not come yet. */
    HELD,
    /** The warning came and the agency asked the counterparty to extend. */
    EXTENSION_REQUESTED,
    /** The held-until date passed without an extension. */
    LAPSED
}
