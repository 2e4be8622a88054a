package org.freezedesk.recovery.internal;

/**
 * Where a recovery instruction stands. RETURNED: legal asked the filer to amend it. OVERDUE: the counterparty has
 * not answered by the deadline and the filer follows up. WITHDRAWAL_IN_REVIEW: the filer asked to withdraw it and
 * legal reviews that. REJECTED, CONFIRMED, DECLINED and WITHDRAWN are final.
 */
public enum RecoveryState {
    IN_REVIEW, RETURNED, REJECTED, APPROVED, NOTIFIED, OVERDUE, WITHDRAWAL_IN_REVIEW, CONFIRMED, DECLINED, WITHDRAWN
}
