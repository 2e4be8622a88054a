package org.freezedesk.portal.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public class ResponseForm {

    @NotBlank(message = "Enter your name")
    @Size(max = 200, message = "At most 200 characters")
    private String submittedBy;

    private List<OutcomeRow> outcomes = new ArrayList<>();

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
