package org.freezedesk.cases;

/**
 * Where a request stands. An EMERGENCY request is {@link #APPROVED} by one on-call officer and goes out at once;
 * {@link #CONFIRMED} once its full second review agrees, {@link #WITHDRAWN} when that review rejects it and the
 * counterparties are told to release the freeze.
 */
public enum FreezeRequestState {
    IN_REVIEW, RETURNED, APPROVED, REJECTED, COMPLETED, CONFIRMED, WITHDRAWN
}
