package org.freezedesk.recovery.internal;

/** What the filer does about a transfer that is overdue. */
public enum RecoveryFollowUpDecision {
    /** Gives the counterparty until a later deadline; the process waits for the transfer again. */
    EXTEND_DEADLINE,
    /** Asks legal to withdraw the instruction, which then no longer keeps the case open. */
    WITHDRAW
}
