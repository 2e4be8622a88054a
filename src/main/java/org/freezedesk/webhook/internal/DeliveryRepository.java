package org.freezedesk.webhook.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_delivery} table: the webhook module's outbox and each subscriber's delivery log. */
@Repository
class DeliveryRepository {

    private static final String COLUMNS = """
            id, subscription_id, webhook_id, event_type, payload, state, attempts, next_attempt_at, last_status_code, last_error,
            created_at, delivered_at""";
    private static final int ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this subscription already has a delivery of this event (the event was handled before). */
    boolean exists(long subscriptionId, String eventKey) {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = ? AND event_key = ?")
                .params(subscriptionId, eventKey).query(Long.class).single() > 0;
    }

    void insert(long subscriptionId, String webhookId, String eventKey, String eventType, String payload, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (subscription_id, webhook_id, event_key, event_type, payload, state, attempts,
                                              next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(subscriptionId, webhookId, eventKey, eventType, payload, DeliveryState.PENDING.name(), now, now)
                .update();
    }

    /**
     * The oldest due delivery, locked until the caller's transaction ends. Rows another node is sending are skipped
     * rather than waited for; a node that dies mid-send loses its connection, and with it the lock.
     */
    Optional<WebhookDelivery> lockDue(OffsetDateTime now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE state = ? AND next_attempt_at <= ? "
                        + "ORDER BY next_attempt_at, id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED")
                .params(DeliveryState.PENDING.name(), now)
                .query(DeliveryRepository::map).optional();
    }

    void markDelivered(long id, int statusCode, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE webhook_delivery SET state = ?, attempts = attempts + 1, last_status_code = ?, last_error = NULL, delivered_at = ?
                WHERE id = ?""")
                .params(DeliveryState.DELIVERED.name(), statusCode, now, id).update();
    }

    void markAttemptFailed(long id, DeliveryState state, Integer statusCode, String error, OffsetDateTime nextAttemptAt) {
        jdbc.sql("""
                UPDATE webhook_delivery SET state = ?, attempts = attempts + 1, last_status_code = ?, last_error = ?, next_attempt_at = ?
                WHERE id = ?""")
                .params(state.name(), statusCode, error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error,
                        nextAttemptAt, id)
                .update();
    }

    /** A subscription's deliveries, newest first, those with an id below {@code before} when it is given. */
    List<WebhookDelivery> of(long subscriptionId, Long before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_delivery WHERE subscription_id = ? AND id < ? "
                        + "ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(subscriptionId, before == null ? Long.MAX_VALUE : before)
                .query(DeliveryRepository::map).list();
    }

    private static WebhookDelivery map(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("last_status_code");
        Integer lastStatusCode = rs.wasNull() ? null : status;
        return new WebhookDelivery(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("webhook_id"),
                rs.getString("event_type"), rs.getString("payload"), DeliveryState.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class), lastStatusCode,
                rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("delivered_at", OffsetDateTime.class));
    }
}
