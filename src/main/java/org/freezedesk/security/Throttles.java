package org.freezedesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits on failures (wrong passwords, unknown links), as Bucket4j token buckets: each failure takes a
 * token, and once a limit's bucket is empty its subject is refused until the window refills it. On
 * PostgreSQL the buckets live in {@code throttle_bucket}, so every node counts the same failures; the
 * embedded H2 default, a single node, keeps them in memory (Bucket4j has no H2 store).
 */
@Component
public class Throttles {

    /** {@code attempts} failures per {@code window}; {@code name} keeps limits on the same subject apart. */
    public record Limit(String name, long attempts, Duration window) {

        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(attempts).refillIntervally(attempts, window).build())
                    .build();
        }
    }

    private record LocalBucket(Bucket bucket, long capacity) {

        boolean full() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    /** In-memory buckets are forgotten once this many are kept and they have refilled. */
    private static final int SWEEP_ABOVE = 10_000;

    private static final int SWEEP_BATCH = 1000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;
    private final JdbcTemplate jdbc;
    private final Map<String, LocalBucket> local = new ConcurrentHashMap<>();

    Throttles(DataSource dataSource) throws SQLException {
        this.shared = isPostgreSql(dataSource)
                ? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table("throttle_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                        .build()
                : null;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** How long {@code subject} must wait before trying again; zero when it may try now. */
    public Duration blockedFor(Limit limit, String subject) {
        // Asked on every portal and login request: a subject with no failures counting has no row, and is let through
        // on a plain read, where asking the bucket would lock (and first insert) a row: a write transaction per request.
        if (shared != null && jdbc.queryForObject("SELECT COUNT(*) FROM throttle_bucket WHERE id = ?", Long.class,
                key(limit, subject)) == 0) {
            return Duration.ZERO;
        }
        EstimationProbe probe = bucket(limit, subject).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Counts one failure of {@code subject} against {@code limit}. */
    public void failed(Limit limit, String subject) {
        bucket(limit, subject).tryConsume(1);
    }

    /** Drops buckets that refilled, so the table holds only those still counting. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void sweep() {
        if (shared != null) {
            int removed;
            do {
                removed = shared.removeExpired(SWEEP_BATCH);
            } while (removed == SWEEP_BATCH);
        } else if (local.size() > SWEEP_ABOVE) {
            local.values().removeIf(LocalBucket::full);
        }
    }

    private static String key(Limit limit, String subject) {
        return limit.name() + ":" + sha256(subject == null ? "" : subject);
    }

    private Bucket bucket(Limit limit, String subject) {
        String key = key(limit, subject);
        if (shared != null) {
            return shared.builder().build(key, limit::bucket);
        }
        return local.computeIfAbsent(key, k -> new LocalBucket(Bucket.builder().addLimit(limit.bucket().getBandwidths()[0]).build(),
                limit.attempts())).bucket();
    }

    private static boolean isPostgreSql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }

    private static String sha256(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
