package org.freezedesk;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.management.OperatingSystemMXBean;

/** What the throughput benchmark shares between its runs: cases on client threads, latencies, CPU and database counters. */
final class Load {

    /** The unit of {@code /proc/stat}, fixed at 100 on Linux whatever the kernel's own tick. */
    private static final long USER_HZ = 100;

    private Load() {
    }

    /** One client's way of taking a case from start to end; a client runs one case at a time. */
    interface Client {
        void run(int index) throws Exception;
    }

    /** The latencies of the cases that ended, in milliseconds, the first failures, and the wall-clock time of the whole run. */
    record Run(List<Long> latencies, List<String> failures, long wallNanos) {

        double casesPerSecond() {
            return latencies.size() / (wallNanos / 1e9);
        }

        long percentile(double share) {
            return Load.percentile(latencies, share);
        }
    }

    /** {@code cases} cases on {@code clients} threads, each thread with a client of its own, as fast as they go. */
    static Run cases(int cases, int clients, Supplier<Client> newClient) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int t = 0; t < clients; t++) {
            threads.execute(() -> {
                Client client = newClient.get();
                for (int i = next.getAndIncrement(); i < cases; i = next.getAndIncrement()) {
                    long caseStart = System.nanoTime();
                    try {
                        client.run(i);
                        latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - caseStart));
                    } catch (Exception | AssertionError e) {
                        failures.add("case " + i + ": " + e);
                    }
                }
            });
        }
        threads.shutdown();
        if (!threads.awaitTermination(1, TimeUnit.HOURS)) {
            throw new IllegalStateException("cases still running after an hour");
        }
        return new Run(new ArrayList<>(latencies), new ArrayList<>(failures), System.nanoTime() - start);
    }

    static long percentile(List<Long> values, double share) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
    }

    /** CPU time of this whole JVM so far: the application or engine, the clients and the SMTP server. */
    static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time the whole machine spent busy so far (Linux's {@code /proc/stat}: user, nice, system, irq and softirq of
     * every core), in nanoseconds, or -1 where there is no such file. Less the JVM's own, it is mostly PostgreSQL's,
     * which runs on the same cores.
     */
    static long machineBusyNanos() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = 0;
            for (int field : new int[] {1, 2, 3, 6, 7}) {
                ticks += Long.parseLong(fields[field]);
            }
            return ticks * TimeUnit.SECONDS.toNanos(1) / USER_HZ;
        } catch (IOException | RuntimeException notLinux) {
            return -1;
        }
    }

    /**
     * Commits of one database (pg_stat_database, reads included) and the next transaction id of the server. Transaction
     * ids are assigned only to transactions that write, so the difference of two of the latter counts write
     * transactions, but of the whole server: other databases' writes on a shared server count too.
     */
    record Counters(long commits, long nextTransactionId) {

        static Counters of(Map<String, String> database) throws SQLException {
            try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
                    database.get("spring.datasource.username"), database.get("spring.datasource.password"));
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_clear_snapshot()");
                try (ResultSet row = statement.executeQuery("""
                        SELECT xact_commit, txid_snapshot_xmax(txid_current_snapshot())
                        FROM pg_stat_database WHERE datname = current_database()""")) {
                    row.next();
                    return new Counters(row.getLong(1), row.getLong(2));
                }
            }
        }

        /**
         * Commits counted since {@code before}, less those of the readings themselves (two each): {@code before} and one
         * more in between, as the benchmark reads them.
         */
        long commitsSince(Counters before) {
            return commits - before.commits - 4;
        }

        long writeTransactionsSince(Counters before) {
            return nextTransactionId - before.nextTransactionId;
        }
    }
}
