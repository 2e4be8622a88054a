package org.freezedesk;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the committed transactions that wrote, at the JDBC connections of one data source: the benchmark's own
 * figure, unlike PostgreSQL's transaction ids, which every database of a shared server draws from. A transaction
 * writes when it runs INSERT, UPDATE, DELETE or MERGE, or locks rows (FOR UPDATE, FOR SHARE: PostgreSQL writes the
 * lock into the row). A locking query counts once it returns a row: one that finds nothing to lock writes nothing,
 * as a poller that finds no work (PostgreSQL gives such a transaction no transaction id). Also tallies each write
 * transaction by its first writing statement, so the benchmark can say what writes, and every statement run by its
 * shape, so that it can say what is asked most.
 */
final class WriteTransactions {

    private static final Pattern MODIFY = Pattern.compile("^\\s*(insert|update|delete|merge)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LOCK = Pattern.compile("\\bfor\\s+(update|share|no\\s+key\\s+update)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LITERALS = Pattern.compile("'[^']*'|\\b\\d+\\b|\\s+");

    private final AtomicLong committed = new AtomicLong();
    private final Map<String, AtomicLong> byFirstWrite = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> byStatement = new ConcurrentHashMap<>();

    long committed() {
        return committed.get();
    }

    /** The first writing statement of each write transaction committed since {@link #reset()}, most frequent first. */
    Map<String, Long> byFirstWrite() {
        return mostFirst(byFirstWrite);
    }

    /** Every statement run since {@link #reset()}, by its shape, most frequent first. */
    Map<String, Long> byStatement() {
        return mostFirst(byStatement);
    }

    void reset() {
        byFirstWrite.clear();
        byStatement.clear();
    }

    private static Map<String, Long> mostFirst(Map<String, AtomicLong> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue().get()));
        return sorted;
    }

    private static void tally(Map<String, AtomicLong> counts, String statement) {
        String shape = LITERALS.matcher(statement).replaceAll(" ").trim();
        counts.computeIfAbsent(shape.substring(0, Math.min(90, shape.length())).toLowerCase(Locale.ROOT), s -> new AtomicLong())
                .incrementAndGet();
    }

    DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return watch(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return watch(super.getConnection(username, password));
            }
        };
    }

    private Connection watch(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                new Watched(connection));
    }

    private void commit(String firstWrite) {
        committed.incrementAndGet();
        tally(byFirstWrite, firstWrite);
    }

    private final class Watched implements InvocationHandler {

        private final Connection connection;
        /** The first writing statement of the open transaction, or null. */
        private String firstWrite;

        Watched(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("commit") && firstWrite != null) {
                Object result = call(connection, method, args);
                commit(firstWrite);
                firstWrite = null;
                return result;
            }
            if (name.equals("rollback") && (args == null || args.length == 0)) {
                firstWrite = null;
            }
            if (name.equals("setAutoCommit") && Boolean.TRUE.equals(args[0]) && !connection.getAutoCommit() && firstWrite != null) {
                commit(firstWrite);
                firstWrite = null;
            }
            if (name.equals("unwrap") || name.equals("isWrapperFor")) {
                return call(connection, method, args);
            }
            Object result = call(connection, method, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<?>[] types = Proxy.isProxyClass(result.getClass()) ? result.getClass().getInterfaces()
                        : statementInterfaces(statement);
                String[] locking = new String[1];
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), types, (p, m, a) -> {
                    String executed = a != null && a.length > 0 && a[0] instanceof String s && m.getName().startsWith("execute") ? s : sql;
                    Object r = call(statement, m, a);
                    if (m.getName().startsWith("execute") && executed != null) {
                        tally(byStatement, executed);
                        locking[0] = null;
                        if (MODIFY.matcher(executed).find()) {
                            wrote(executed);
                        } else if (LOCK.matcher(executed).find()) {
                            locking[0] = executed;
                        }
                    }
                    if (r instanceof ResultSet rows && locking[0] != null) {
                        return lockedOnFirstRow(rows, locking[0]);
                    }
                    return r;
                });
            }
            return result;
        }

        private void wrote(String statement) throws SQLException {
            if (connection.getAutoCommit()) {
                commit(statement);
            } else if (firstWrite == null) {
                firstWrite = statement;
            }
        }

        /** The rows of a locking query: the first one read is a row locked. */
        private ResultSet lockedOnFirstRow(ResultSet rows, String statement) {
            boolean[] counted = new boolean[1];
            return (ResultSet) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {ResultSet.class}, (p, m, a) -> {
                Object r = call(rows, m, a);
                if (m.getName().equals("next") && Boolean.TRUE.equals(r) && !counted[0]) {
                    counted[0] = true;
                    wrote(statement);
                }
                return r;
            });
        }

        private Class<?>[] statementInterfaces(Statement statement) {
            if (statement instanceof java.sql.CallableStatement) {
                return new Class<?>[] {java.sql.CallableStatement.class};
            }
            if (statement instanceof java.sql.PreparedStatement) {
                return new Class<?>[] {java.sql.PreparedStatement.class};
            }
            return new Class<?>[] {Statement.class};
        }
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
