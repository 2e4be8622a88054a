package org.freezedesk.review;

import org.freezedesk.cases.FreezeRequestState;

public enum ReviewDecision {
    APPROVE(FreezeRequestState.APPROVED), REJECT(FreezeRequestState.REJECTED), RETURN(FreezeRequestState.RETURNED);

    private final FreezeRequestState resultingState;

    ReviewDecision(FreezeRequestState resultingState) {
        this.resultingState = resultingState;
    }

    FreezeRequestState resultingState() {
        return resultingState;
    }
}
