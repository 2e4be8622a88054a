package org.freezedesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh PostgreSQL database for this test JVM, created on the server at {@code 127.0.0.1:5432}
 * (override with FREEZEDESK_TEST_PG_HOST/PORT/USER/PASSWORD) and dropped when the JVM exits.
 * Without a server the tests are skipped, unless FREEZEDESK_REQUIRE_POSTGRES=true (as in CI), where
 * they fail instead.
 */
public final class PostgresTestDatabase {

    private static final String HOST = env("FREEZEDESK_TEST_PG_HOST", "127.0.0.1");
    private static final String PORT = env("FREEZEDESK_TEST_PG_PORT", "5432");
    private static final String USER = env("FREEZEDESK_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("FREEZEDESK_TEST_PG_PASSWORD", "");

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
            String name = "freezedesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = DriverManager.getConnection(jdbc("postgres"), USER, PASSWORD);
                 Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                if (Boolean.parseBoolean(System.getenv("FREEZEDESK_REQUIRE_POSTGRES"))) {
                    throw new IllegalStateException("PostgreSQL is required but " + jdbc("postgres") + " is not reachable", e);
                }
                Assumptions.abort("PostgreSQL not reachable at " + HOST + ":" + PORT + ": " + e.getMessage());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
            url = jdbc(name);
        }
        return url;
    }

    private static void drop(String name) {
        try (Connection admin = DriverManager.getConnection(jdbc("postgres"), USER, PASSWORD);
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
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
