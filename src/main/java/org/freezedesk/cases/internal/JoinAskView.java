package org.freezedesk.cases.internal;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An ask to join as its asker (or an auditor) sees it. The asker learns the case's agency, which the match showed
 * already, and never the case's reference: {@code caseReference} is null but for auditors, who read every case.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "JoinAsk")
public record JoinAskView(long id, String leadAgency, String askingAgency, String chain, String address, String reason,
        JoinAsk.State state, String askedBy, OffsetDateTime askedAt, OffsetDateTime decidedAt, String caseReference) {

    static JoinAskView of(JoinAsk ask, boolean withReference) {
        return new JoinAskView(ask.id(), ask.leadAgency(), ask.askingAgency(), ask.chain(), ask.address(), ask.reason(), ask.state(),
                ask.askedBy(), ask.askedAt(), ask.decidedAt(), withReference ? ask.caseReference() : null);
    }
}
