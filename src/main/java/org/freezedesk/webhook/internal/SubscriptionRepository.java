package org.freezedesk.webhook.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.freezedesk.webhook.WebhookEventType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code webhook_subscription} table. */
@Repository
class SubscriptionRepository {

    private static final String COLUMNS = "id, agency, counterparty_id, url, event_types, secret, active, created_by, created_at";

    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(WebhookOwner owner, String url, List<WebhookEventType> eventTypes, String secret, boolean active, String createdBy,
            OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO webhook_subscription (agency, counterparty_id, url, event_types, secret, active, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(owner.agency(), owner.counterpartyId(), url,
                        String.join(",", eventTypes.stream().map(WebhookEventType::name).toList()), secret, active, createdBy, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<WebhookSubscription> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?").param(id)
                .query(SubscriptionRepository::map).optional();
    }

    /** The owner's subscriptions, newest first, those with an id below {@code before} when it is given. */
    List<WebhookSubscription> of(WebhookOwner owner, Long before, int limit) {
        String ownerColumn = owner.agency() != null ? "agency" : "counterparty_id";
        Object ownerValue = owner.agency() != null ? owner.agency() : owner.counterpartyId();
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE " + ownerColumn + " = ? AND id < ? "
                        + "ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(ownerValue, before == null ? Long.MAX_VALUE : before)
                .query(SubscriptionRepository::map).list();
    }

    /** The active subscriptions of the agency, and of the counterparty when one is given. */
    List<WebhookSubscription> activeFor(Collection<String> agencies, Long counterpartyId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM webhook_subscription WHERE active AND (agency IN (:agencies) OR counterparty_id = :counterparty)"
                        + " ORDER BY id")
                .param("agencies", agencies).param("counterparty", counterpartyId == null ? -1L : counterpartyId)
                .query(SubscriptionRepository::map).list();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM webhook_subscription WHERE id = ?").param(id).update() > 0;
    }

    private static WebhookSubscription map(ResultSet rs, int row) throws SQLException {
        long counterpartyId = rs.getLong("counterparty_id");
        Long counterparty = rs.wasNull() ? null : counterpartyId;
        List<WebhookEventType> types = Arrays.stream(rs.getString("event_types").split(",")).map(WebhookEventType::valueOf).toList();
        return new WebhookSubscription(rs.getLong("id"), rs.getString("agency"), counterparty, rs.getString("url"), types,
                rs.getString("secret"), rs.getBoolean("active"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
