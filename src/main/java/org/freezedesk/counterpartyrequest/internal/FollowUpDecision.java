package org.freezedesk.counterpartyrequest.internal;

/** What the agency does about a counterparty that let its deadline pass. */
public enum FollowUpDecision {
    /** Mail the request again with a new link; the follow-up stays open. */
    RESEND,
    /** Note a phone call or e-mail; the follow-up stays open. */
    RECORD_CONTACT,
    /** Set a new deadline and go back to waiting. */
    EXTEND_DEADLINE
}
