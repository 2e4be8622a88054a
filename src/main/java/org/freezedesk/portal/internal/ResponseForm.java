package org.freezedesk.portal.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class ResponseForm {

    @NotBlank(message = "Enter your name")
    @Size(max = 200, message = "At most 200 characters")
    private String submittedBy;

    /** Only while the request is not acknowledged: answering then acknowledges receipt too, by this name and title. */
    @Size(max = 200, message = "At most 200 characters")
    private String submitterTitle;

    private List<OutcomeRow> outcomes = new ArrayList<>();

    /** Required when the request forbids telling the customer: the counterparty confirms it complied. */
    private boolean doNotNotifyConfirmed;

    public boolean isDoNotNotifyConfirmed() {
        return doNotNotifyConfirmed;
    }

    public void setDoNotNotifyConfirmed(boolean doNotNotifyConfirmed) {
        this.doNotNotifyConfirmed = doNotNotifyConfirmed;
    }

    public String getSubmitterTitle() {
        return submitterTitle;
    }

    public void setSubmitterTitle(String submitterTitle) {
        this.submitterTitle = submitterTitle;
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public void setSubmittedBy(String submittedBy) {
        this.submittedBy = submittedBy;
    }

    public List<OutcomeRow> getOutcomes() {
        return outcomes;
    }

    /** A JSON body may leave the list out. */
    public void setOutcomes(List<OutcomeRow> outcomes) {
        this.outcomes = outcomes == null ? new ArrayList<>() : outcomes;
    }
}
