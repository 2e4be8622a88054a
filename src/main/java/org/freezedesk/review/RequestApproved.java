package org.freezedesk.review;

/** Legal review approved a freeze request; published in the transaction that stores the decision. */
public record RequestApproved(long freezeRequestId, String caseReference) {
}
