package org.freezedesk.recovery;

public enum RecoveryState {
    IN_REVIEW, REJECTED, APPROVED, NOTIFIED, CONFIRMED, DECLINED
}
