package org.freezedesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database for this test JVM, created on the server at {@code 127.0.0.1:5432}
 * (override with FREEZEDESK_TEST_PG_HOST/PORT/USER/PASSWORD). Each run drops the databases earlier runs
 * left behind, rather than its own at exit, where the application contexts still closing would lose their
 * connections under them.
 * Without a server the tests are skipped, unless FREEZEDESK_REQUIRE_POSTGRES=true (as in CI), where
 * they fail instead.
 */
public final class PostgresTestDatabase {

    private static final String HOST = env("FREEZEDESK_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("FREEZEDESK_TEST_PG_PORT", "5432");
    private static final String USER = env("FREEZEDESK_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("FREEZEDESK_TEST_PG_PASSWORD", "");

    /**
     * One connection to each database this JVM created, held open for its life: PostgreSQL refuses to drop a
     * database somebody is connected to, so a run starting beside this one cannot take it away while this JVM's
     * contexts are still starting, or before a test uses it.
     */
    private static final List<Connection> KEPT_IN_USE = new ArrayList<>();

    private static String url;

    private PostgresTestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The datasource settings of the test database, for an application started by hand. */
    public static Map<String, String> properties() {
        return Map.of("spring.datasource.url", url(), "spring.datasource.username", USER, "spring.datasource.password", PASSWORD);
    }

    public static synchronized String url() {
        if (url == null) {
            url = create(true);
        }
        return url;
    }

    /**
     * The datasource settings of another fresh database, for a test that must be alone on its database (nodes it
     * starts itself, a restore target) rather than share it with the application contexts other tests left running.
     */
    public static synchronized Map<String, String> newDatabase() {
        String database = create(false);
        return Map.of("spring.datasource.url", database, "spring.datasource.username", USER, "spring.datasource.password", PASSWORD);
    }

    public static String user() {
        return USER;
    }

    public static String host() {
        return HOST;
    }

    public static String port() {
        return PORT;
    }

    private static String create(boolean dropLeftovers) {
        String name = "freezedesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(jdbc("postgres"), USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            if (dropLeftovers) {
                dropLeftovers(statement);
            }
            statement.execute("CREATE DATABASE " + name);
            KEPT_IN_USE.add(DriverManager.getConnection(jdbc(name), USER, PASSWORD));
        } catch (SQLException e) {
            if (Boolean.parseBoolean(System.getenv("FREEZEDESK_REQUIRE_POSTGRES"))) {
                throw new IllegalStateException("PostgreSQL is required but " + jdbc("postgres") + " is not reachable", e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + HOST + ":" + PORT + ": " + e.getMessage());
        }
        return jdbc(name);
    }

    /** A database still in use belongs to a run beside this one, and PostgreSQL refuses to drop it. */
    private static void dropLeftovers(Statement statement) throws SQLException {
        List<String> leftovers = new ArrayList<>();
        try (ResultSet names = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'freezedesk\\_test\\_%'")) {
            while (names.next()) {
                leftovers.add(names.getString(1));
            }
        }
        for (String leftover : leftovers) {
            try {
                statement.execute("DROP DATABASE IF EXISTS " + leftover);
            } catch (SQLException inUse) {
                // left for the run that uses it
            }
        }
    }

    private static String jdbc(String database) {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
