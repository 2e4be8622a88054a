package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.audit.internal.Verification;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** On PostgreSQL: the database refuses to change the log, and verification finds a row changed behind its back. */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
class AuditIT {

    private static final String CASE = "FRZ-TEST-PG";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired AuditLog auditLog;
    @Autowired AuditIntegrity integrity;
    @Autowired AuditKey key;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    private List<AuditEvent> events;

    @BeforeEach
    void someEvents() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 5; i++) {
                auditLog.record(new Actor("agency", "AGENCY"), "NOTE", "note", i, CASE, "before " + i, "after " + i);
            }
        });
        events = auditLog.forCase(CASE);
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateTheLog() {
        long id = events.get(0).id();
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET after_value = 'edited' WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", id))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_chain_head"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(auditLog.forCase(CASE)).containsAll(events);
        assertThat(integrity.verify(null).intact()).isTrue();
    }

    @Test
    void verificationNamesExactlyTheRowAlteredBehindTheTriggersBack() throws Exception {
        AuditEvent victim = events.get(2);
        assertThat(integrity.verify(null).intact()).isTrue();
        try {
            withoutTrigger("UPDATE audit_event SET after_value = 'frozen: nothing' WHERE id = " + victim.id());

            Verification verification = integrity.verify(null);
            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenEventId()).isEqualTo(victim.id());
            assertThat(verification.problem()).contains("does not match its hash");
            mvc.perform(get("/api/v1/audit/verify").with(bearerOf(context, "auditor")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.intact").value(false))
                    .andExpect(jsonPath("$.brokenEventId").value(victim.id()));
        } finally {
            // The database is shared by the PostgreSQL tests of this run: leave the log as it was.
            withoutTrigger("UPDATE audit_event SET after_value = '" + victim.afterValue() + "' WHERE id = " + victim.id());
        }
        assertThat(integrity.verify(null).intact()).isTrue();
    }

    @Test
    void timestampsSurviveTheRoundTripThroughPostgresql() {
        assertThat(events).allMatch(e -> e.sealed(key));
        assertThat(events.get(0).occurredAt().getNano() % 1000).isZero();
    }

    /** Every append waits for the head, so no two transactions chain onto the same event or miscount the head. */
    @Test
    void sixteenTransactionsAppendingAtOnceLeaveOneUnbrokenChainWhoseHeadNamesTheNewestEvent() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> appends = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            appends.add(threads.submit(() -> {
                start.await();
                transaction.executeWithoutResult(status -> {
                    for (int i = 0; i < 3; i++) {
                        auditLog.record(new Actor("agency", "AGENCY"), "NOTE", "note", thread * 10 + i, CASE + "-" + thread % 4,
                                null, "after " + i);
                    }
                });
                return null;
            }));
        }
        start.countDown();
        for (Future<?> append : appends) {
            append.get(1, TimeUnit.MINUTES);
        }
        threads.shutdown();

        assertThat(integrity.verify(null).intact()).isTrue();
        assertThat(jdbc.queryForObject("SELECT last_event_id FROM audit_chain_head WHERE id = 1", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class));
        assertThat(jdbc.queryForObject("SELECT event_count FROM audit_chain_head WHERE id = 1", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class));
    }

    private void withoutTrigger(String sql) {
        transaction.executeWithoutResult(status -> {
            jdbc.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only");
            jdbc.execute(sql);
            jdbc.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only");
        });
    }
}
