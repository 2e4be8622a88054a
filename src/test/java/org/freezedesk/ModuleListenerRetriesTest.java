package org.freezedesk;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.freezedesk.sanctions.SanctionsListImported;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An event whose listener failed, or whose node died before the listener ran, is not owed for ever. */
@FreezeDeskTest
class ModuleListenerRetriesTest {

    @Autowired ModuleListenerRetries retries;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;

    @Test
    void aNewSdnListWhoseScreeningFailedAnHourAgoIsScreenedAgain() throws Exception {
        UUID owed = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(owed, "org.freezedesk.cases.internal.RescreenOpenCases.listImported(org.freezedesk.sanctions.SanctionsListImported)",
                        SanctionsListImported.class.getName(),
                        json.writeValueAsString(new SanctionsListImported(1, LocalDate.of(2026, 11, 27), 0)),
                        OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                .update();

        retries.retryOwedEvents();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = ?")
                .param(owed).query(Long.class).single() == 0);
    }
}
