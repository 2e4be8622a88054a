package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.audit.internal.SealExistingEvents;
import org.freezedesk.audit.internal.Verification;
import org.freezedesk.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit record against an insider, on PostgreSQL with the two roles of the README: a migration role
 * owns the tables, the application connects as a role that may only append. Six events are recorded and
 * their head signed and exported; then each way of rewriting the record behind the application's back is
 * tried on a fresh copy of that database, and verification against the exported signed head names the
 * event where the record diverges.
 */
class AuditRecordIT {

    private static final String OWNER = "freezedesk_test_owner";
    private static final String APP = "freezedesk_test_app";
    private static final AuditKey KEY = new AuditKey("the audit key of this test, kept outside the database", List.of(), null);
    /** What an insider without the key could try: any key of their own. */
    private static final AuditKey GUESSED = new AuditKey("an insider's guess at the audit key, which is wrong", List.of(), null);

    private static String template;
    private static AuditHeadKeys headKeys;
    private static String signedHead;
    private static List<AuditEvent> events;

    @BeforeAll
    static void recordSixEventsAndExportTheSignedHead() throws Exception {
        PostgresTestDatabase.url();
        template = "freezedesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        superuser("postgres", statement -> {
            for (String role : List.of(OWNER, APP)) {
                statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + " LOGIN PASSWORD '" + role + "'; END IF; END $$");
            }
            statement.execute("CREATE DATABASE " + template + " OWNER " + OWNER);
        });
        superuser(template, statement -> statement.execute("GRANT CREATE ON SCHEMA public TO " + OWNER));
        Flyway.configure().dataSource(PostgresTestDatabase.jdbc(template), OWNER, OWNER)
                .locations("classpath:migrations/common", "classpath:migrations/postgresql")
                .placeholders(Map.of("app-role", APP)).javaMigrations(new SealExistingEvents()).load().migrate();

        DataSource app = dataSource(template, APP);
        AuditLog log = new AuditLog(new AuditRepository(JdbcClient.create(app), app), KEY, new SimpleMeterRegistry());
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(app));
        for (int i = 1; i <= 6; i++) {
            int n = i;
            transaction.executeWithoutResult(status -> log.record(new Actor("agency", "AGENCY"), "TARGET_FROZEN", "target", n, null,
                    "frozen: none", "frozen: " + n + "000 USDT"));
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        KeyPair pair = generator.generateKeyPair();
        headKeys = new AuditHeadKeys(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        AuditIntegrity integrity = integrity(app);
        signedHead = SignedHead.sign(integrity.head(), OffsetDateTime.now(ZoneOffset.UTC), headKeys.signing()).text();
        events = walk(app);
        assertThat(events).hasSize(6);
        assertThat(integrity.verify(headKeys.kept(signedHead)).intact()).isTrue();
    }

    @Test
    void anAlteredPayloadIsFoundAtItsEvent() throws Exception {
        String copy = copy();
        behindTheTrigger(copy, "UPDATE audit_event SET after_value = 'frozen: nothing' WHERE id = " + events.get(2).id());
        assertBrokenAt(copy, events.get(2), "does not match its hash");
    }

    @Test
    void aDeletedMiddleEventIsFoundAtTheEventAfterTheGap() throws Exception {
        String copy = copy();
        behindTheTrigger(copy, "DELETE FROM audit_event WHERE id = " + events.get(2).id());
        assertBrokenAt(copy, events.get(3), "links to");
    }

    @Test
    void aCutTailIsFoundAtTheLastEventTheHeadNames() throws Exception {
        String copy = copy();
        behindTheTrigger(copy, "DELETE FROM audit_event WHERE id >= " + events.get(4).id());
        assertBrokenAt(copy, events.get(5), "removed");
    }

    @Test
    void aCutTailWithTheHeadRowRewoundIsFoundByTheSignedHead() throws Exception {
        String copy = copy();
        AuditEvent newLast = events.get(3);
        behindTheTrigger(copy, "DELETE FROM audit_event WHERE id >= " + events.get(4).id());
        asApplication(copy).sql("UPDATE audit_chain_head SET last_event_id = ?, last_hash = ?, event_count = event_count - 2")
                .params(newLast.id(), newLast.hash()).update();
        assertThat(integrity(dataSource(copy, APP)).verify(null).intact()).as("without the signed head the cut does not show").isTrue();
        assertBrokenAt(copy, events.get(5), "kept chain head");
    }

    @Test
    void aConsistentReHashOfEveryLaterEventWithoutTheKeyIsFoundAtTheFirstRewrittenEvent() throws Exception {
        String copy = copy();
        String prev = events.get(1).hash();
        List<String> statements = new ArrayList<>();
        for (AuditEvent e : events.subList(2, 6)) {
            String after = e.id() == events.get(2).id() ? "frozen: nothing" : e.afterValue();
            AuditEvent rewritten = new AuditEvent(e.id(), e.occurredAt(), e.actor(), e.actorRole(), e.clientAddress(), e.action(),
                    e.objectType(), e.objectId(), e.caseReference(), e.beforeValue(), after, prev, e.casePrevHash(), null);
            String hash = GUESSED.seal(rewritten.canonical());
            statements.add("UPDATE audit_event SET after_value = '" + after + "', prev_hash = '" + prev + "', hash = '" + hash
                    + "' WHERE id = " + e.id());
            prev = hash;
        }
        statements.add("UPDATE audit_chain_head SET last_hash = '" + prev + "'");
        behindTheTrigger(copy, statements.toArray(String[]::new));
        assertBrokenAt(copy, events.get(2), "does not match its hash");
    }

    @Test
    void aForgedAppendedEventWithTheHeadMovedIsFoundAtTheForgery() throws Exception {
        String copy = copy();
        DataSource app = dataSource(copy, APP);
        AuditEvent last = events.get(5);
        AuditEvent forged = new AuditEvent(0, Canonical.timestamp(OffsetDateTime.now(ZoneOffset.UTC)), "legal", "LEGAL", null,
                "LEGAL_APPROVE", "freeze_request", "1", null, "IN_REVIEW", "APPROVED", last.hash(), null, null);
        AuditRepository repository = new AuditRepository(JdbcClient.create(app), app);
        repository.append(List.of(forged.withHash(GUESSED.seal(forged.canonical()))));
        long forgedId = repository.head().eventId();

        Verification verification = integrity(app).verify(headKeys.kept(signedHead));
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenEventId()).isEqualTo(forgedId);
        assertThat(verification.problem()).contains("does not match its hash");
    }

    @Test
    void theApplicationsRoleCanAppendButNotChangeTheLogNorItsTrigger() throws Exception {
        String copy = copy();
        JdbcClient app = asApplication(copy);
        long id = events.get(0).id();
        for (String change : List.of("UPDATE audit_event SET after_value = 'x' WHERE id = " + id, "DELETE FROM audit_event WHERE id = " + id,
                "TRUNCATE audit_event", "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL", "DROP TRIGGER audit_event_append_only ON audit_event",
                "DELETE FROM flyway_schema_history")) {
            assertThatThrownBy(() -> app.sql(change).update()).as(change).rootCause()
                    .hasMessageMatching("(?s).*(permission denied|must be owner).*");
        }
        assertThat(integrity(dataSource(copy, APP)).verify(headKeys.kept(signedHead)).intact()).isTrue();

        superuser(copy, statement -> statement.execute("SET ROLE " + OWNER + "; CREATE TABLE added_by_a_later_migration (id INT)"));
        assertThat(app.sql("INSERT INTO added_by_a_later_migration VALUES (1)").update())
                .as("tables of later migrations get the application's grants").isEqualTo(1);
    }

    private static void assertBrokenAt(String database, AuditEvent expected, String problem) {
        Verification verification = integrity(dataSource(database, APP)).verify(headKeys.kept(signedHead));
        assertThat(verification.intact()).as(verification.summary()).isFalse();
        assertThat(verification.brokenEventId()).as(verification.summary()).isEqualTo(expected.id());
        assertThat(verification.problem()).contains(problem);
    }

    /** A fresh copy of the recorded database, so each test tampers with its own. */
    private static String copy() throws SQLException {
        String copy = "freezedesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        superuser("postgres", statement -> statement.execute("CREATE DATABASE " + copy + " TEMPLATE " + template + " OWNER " + OWNER));
        return copy;
    }

    /** What only the database's superuser can do: switch the append-only trigger off for a moment. */
    private static void behindTheTrigger(String database, String... statements) throws SQLException {
        superuser(database, statement -> {
            statement.execute("ALTER TABLE audit_event DISABLE TRIGGER USER");
            for (String sql : statements) {
                statement.execute(sql);
            }
            statement.execute("ALTER TABLE audit_event ENABLE TRIGGER USER");
        });
    }

    private interface Sql {
        void run(Statement statement) throws SQLException;
    }

    private static void superuser(String database, Sql sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.jdbc(database), PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); Statement statement = connection.createStatement()) {
            sql.run(statement);
        }
    }

    private static JdbcClient asApplication(String database) {
        return JdbcClient.create(dataSource(database, APP));
    }

    private static DataSource dataSource(String database, String role) {
        return new DriverManagerDataSource(PostgresTestDatabase.jdbc(database), role, role);
    }

    private static AuditIntegrity integrity(DataSource dataSource) {
        return new AuditIntegrity(new AuditRepository(JdbcClient.create(dataSource), dataSource), KEY);
    }

    private static List<AuditEvent> walk(DataSource dataSource) {
        List<AuditEvent> all = new ArrayList<>();
        new AuditRepository(JdbcClient.create(dataSource), dataSource).walk(all::add);
        return all;
    }
}
