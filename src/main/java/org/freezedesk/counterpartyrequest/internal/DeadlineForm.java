package org.freezedesk.counterpartyrequest.internal;

import jakarta.validation.constraints.NotBlank;

/** The new deadline, as a browser's date-and-time field sends it; read as UTC, which the form says. */
public class DeadlineForm {

    @NotBlank(message = "Enter the new deadline")
    private String newDeadline;

    public String getNewDeadline() {
        return newDeadline;
    }

    public void setNewDeadline(String newDeadline) {
        this.newDeadline = newDeadline;
    }
}
