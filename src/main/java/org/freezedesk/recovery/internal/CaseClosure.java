package org.freezedesk.recovery.internal;

import java.time.OffsetDateTime;

public record CaseClosure(long caseId, String summary, String closedBy, OffsetDateTime closedAt) {
}
