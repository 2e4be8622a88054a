package org.freezedesk.review;

import java.time.OffsetDateTime;

public record LegalDecision(long freezeRequestId, ReviewDecision decision, String comment, String decidedBy, OffsetDateTime decidedAt) {
}
