package org.freezedesk.recovery;

public enum RecoveryState {
    IN_REVIEW, REJECTED, APPROVED, NOTIFIED, CONFIRMED, DECLINED;

    /** Still waiting for legal review or for the counterparty. */
    public boolean open() {
        return this == IN_REVIEW || this == APPROVED || this == NOTIFIED;
    }

    /** Counts against the frozen amount still available to instruct. */
    public boolean claimsFunds() {
        return open() || this == CONFIRMED;
    }
}
