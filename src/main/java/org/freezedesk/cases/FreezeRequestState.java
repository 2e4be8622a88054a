package org.freezedesk.cases;

public enum FreezeRequestState {
    IN_REVIEW, RETURNED, APPROVED, REJECTED, COMPLETED
}
