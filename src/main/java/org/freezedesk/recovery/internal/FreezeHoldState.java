package org.freezedesk.recovery.internal;

public enum FreezeHoldState {
    /** Held; the warning has not come yet. */
    HELD,
    /** The warning came and the agency asked the counterparty to extend. */
    EXTENSION_REQUESTED,
    /** The held-until date passed without an extension. */
    LAPSED,
    /** The request it was frozen under was withdrawn: the counterparty lifts the freeze, and no lapse is watched. */
    RELEASED
}
