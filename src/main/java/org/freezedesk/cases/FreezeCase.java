package org.freezedesk.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record FreezeCase(long id, String reference, String title, String agency, String incidentSummary, String victim,
        LocalDate theftDate, String createdBy, OffsetDateTime createdAt) {
}
