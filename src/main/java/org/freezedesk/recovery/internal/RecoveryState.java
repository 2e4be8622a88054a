package org.freezedesk.recovery.internal;

public enum RecoveryState {
    IN_REVIEW, REJECTED, APPROVED, NOTIFIED, CONFIRMED, DECLINED
}
