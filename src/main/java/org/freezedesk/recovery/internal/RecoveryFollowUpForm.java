package org.freezedesk.recovery.internal;

import jakarta.validation.constraints.Size;

/** The filer's follow-up of an overdue transfer: a new deadline, or the reason to withdraw the instruction. */
public class RecoveryFollowUpForm {

    @Size(max = 20, message = "Enter a date and time such as 2026-03-01T12:00")
    private String newDeadline;

    @Size(max = 2000, message = "At most 2000 characters")
    private String reason;

    public String getNewDeadline() {
        return newDeadline;
    }

    public void setNewDeadline(String newDeadline) {
        this.newDeadline = newDeadline;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
