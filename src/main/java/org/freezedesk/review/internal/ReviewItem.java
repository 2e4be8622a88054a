package org.freezedesk.review.internal;

import java.util.Date;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.FreezeRequestProcess;

/**
 * A request waiting in the legal review queue; {@code task} says which review: the usual legal review, an EMERGENCY
 * request's on-call approval, or its second review after it went out.
 */
public record ReviewItem(String taskId, Date waitingSince, FreezeCase freezeCase, FreezeRequest request, int targetCount, String task) {

    public boolean onCallApproval() {
        return FreezeRequestProcess.ON_CALL_APPROVAL.equals(task);
    }

    public boolean secondReview() {
        return FreezeRequestProcess.SECOND_REVIEW.equals(task);
    }

    /** The emergency lane's reviews approve or reject; only the usual review returns a request for amendment. */
    public boolean mayReturn() {
        return FreezeRequestProcess.LEGAL_REVIEW.equals(task);
    }

    public String kind() {
        return onCallApproval() ? "On-call approval (EMERGENCY)" : secondReview() ? "Second review (EMERGENCY, already sent)" : "Legal review";
    }
}
