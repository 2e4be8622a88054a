package org.freezedesk.review;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public class DecisionForm {

    @NotNull(message = "Choose approve, reject or return for amendment")
    private ReviewDecision decision;

    @Size(max = 2000, message = "At most 2000 characters")
    private String comment;

    public ReviewDecision getDecision() {
        return decision;
    }

    public void setDecision(ReviewDecision decision) {
        this.decision = decision;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
