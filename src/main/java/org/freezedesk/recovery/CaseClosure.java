package org.freezedesk.recovery;

import java.time.OffsetDateTime;

public record CaseClosure(long caseId, String summary, String closedBy, OffsetDateTime closedAt) {
}
