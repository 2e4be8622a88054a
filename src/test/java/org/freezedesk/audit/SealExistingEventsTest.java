package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.audit.internal.SealExistingEvents;
import org.freezedesk.audit.internal.Verification;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** An installation that logged events before the chain existed verifies from its first event after migrating. */
class SealExistingEventsTest {

    @Test
    void eventsWrittenBeforeTheChainAreSealedInIdOrder() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:seal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        flyway(dataSource, MigrationVersion.fromVersion("1")).migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    INSERT INTO audit_event (occurred_at, actor, actor_role, action, object_type, object_id, case_reference, after_value)
                    VALUES (?, 'agency', 'AGENCY', 'CASE_FILED', 'freeze_case', ?, ?, 'title=Old case')""")
                    .params(OffsetDateTime.of(2026, 1, 5, 9, 0, i, 123_456_000, ZoneOffset.UTC), String.valueOf(i),
                            i == 1 ? "FRZ-2026-000002" : "FRZ-2026-000001")
                    .update();
        }

        flyway(dataSource, MigrationVersion.LATEST).migrate();

        AuditRepository repository = new AuditRepository(jdbc, dataSource);
        Verification verification = new AuditIntegrity(repository).verify(null);
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(3);
        AuditEvent first = repository.forCase("FRZ-2026-000001").get(0);
        assertThat(repository.forCase("FRZ-2026-000001")).extracting(AuditEvent::casePrevHash)
                .containsExactly(AuditConstants.GENESIS_HASH, first.hash());
    }

    private static Flyway flyway(DriverManagerDataSource dataSource, MigrationVersion target) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:migrations/common", "classpath:migrations/h2")
                .javaMigrations(new SealExistingEvents()).target(target).load();
    }
}
