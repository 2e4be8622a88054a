package org.freezedesk.cases.internal;

import java.time.OffsetDateTime;

/** An agency's ask to be invited into another agency's case, made from a cross-case match. */
public record JoinAsk(long id, long caseId, String caseReference, String leadAgency, String askingAgency, String chain, String address,
        String reason, State state, String askedBy, OffsetDateTime askedAt, String decidedBy, OffsetDateTime decidedAt) {

    public enum State {
        OPEN, DECLINED,
        /** The case's agency invited the asking agency: the ask is answered, the invitation takes over. */
        INVITED
    }
}
