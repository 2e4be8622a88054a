package org.freezedesk.cases.internal;

public enum ImportState {
    /** Lines are being checked in the background. */
    CHECKING,
    /** Checked; the preview can be looked at and, without errors, filed. */
    READY,
    /** The check itself broke off; nothing can be filed from it. */
    FAILED,
    /** Filed: its targets are stored in a request, and it cannot be filed again. */
    SAVED
}
