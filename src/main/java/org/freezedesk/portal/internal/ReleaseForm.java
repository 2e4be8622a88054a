package org.freezedesk.portal.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.freezedesk.input.InputPolicy;

/** The confirmation that the freeze of a withdrawn request was lifted, per target; the same for the form and the API. */
public class ReleaseForm {

    @NotBlank(message = "Enter your name")
    @Size(max = 200, message = "At most 200 characters")
    private String submittedBy;

    @Size(max = InputPolicy.MAX_FORM_ROWS, message = "At most " + InputPolicy.MAX_FORM_ROWS + " targets per confirmation")
    private List<Long> targetIds = new ArrayList<>();

    /** Required when the request forbids telling the customer, as with every answer. */
    private boolean doNotNotifyConfirmed;

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public List<Long> getTargetIds() {
        return targetIds;
    }

    /** A JSON body may leave the list out, or send null. */
    public void setTargetIds(List<Long> targetIds) {
        this.targetIds = targetIds == null ? new ArrayList<>() : targetIds;
    }

    public boolean isDoNotNotifyConfirmed() {
        return doNotNotifyConfirmed;
    }

    public void setDoNotNotifyConfirmed(boolean doNotNotifyConfirmed) {
        this.doNotNotifyConfirmed = doNotNotifyConfirmed;
    }
}
