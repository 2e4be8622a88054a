package org.freezedesk.mail.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.freezedesk.mail.Mailer.RenderedMail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The {@code outbox_message} table. */
@Repository
public class OutboxRepository {

    public static final String MAIL = "MAIL";

    private static final String COLUMNS = """
            id, channel, message_id, recipients, subject, text_body, html_body, state, attempts, next_attempt_at, last_error,
            created_at, sent_at""";
    private static final int ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a message that is due at {@code dueAt}: now, or when the lease of the node that will send it ends. */
    public long insert(String messageId, RenderedMail mail, OffsetDateTime now, OffsetDateTime dueAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO outbox_message (channel, message_id, recipients, subject, text_body, html_body, state, attempts,
                                            next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(MAIL, messageId, String.join("\n", mail.recipients()), mail.subject(), mail.text(), mail.html(),
                        OutboxState.PENDING.name(), dueAt, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * The oldest due message (or the one given), locked until the caller's transaction ends. Rows another node
     * is sending are skipped rather than waited for; a node that dies mid-send loses its connection, and with it
     * the lock, so the message is due again at once. A message still in the lease of the node that stored it is
     * not due yet.
     */
    public Optional<OutboxMessage> lockDue(Long id, OffsetDateTime now) {
        String due = "SELECT " + COLUMNS + " FROM outbox_message WHERE state = ? AND next_attempt_at <= ?";
        String order = " ORDER BY next_attempt_at, id FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED";
        return (id == null ? jdbc.sql(due + order).params(OutboxState.PENDING.name(), now)
                : jdbc.sql(due + " AND id = ?" + order).params(OutboxState.PENDING.name(), now, id))
                .query(OutboxRepository::map)
                .optional();
    }

    /**
     * Messages the server took, in one statement. One another node has marked sent meanwhile (its sender's lease
     * ran out first) keeps its own record.
     */
    public void markSent(Collection<Long> ids, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE outbox_message SET state = :sent, attempts = attempts + 1, sent_at = :now, last_error = NULL,
                                          text_body = NULL, html_body = NULL
                WHERE id IN (:ids) AND state <> :sent""")
                .param("sent", OutboxState.SENT.name()).param("now", now).param("ids", ids).update();
    }

    /** A failed attempt; a message marked sent meanwhile (by another node, once a lease ran out) stays sent. */
    public void markAttemptFailed(long id, OutboxState state, OffsetDateTime nextAttemptAt, String error) {
        jdbc.sql("UPDATE outbox_message SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ? AND state <> ?")
                .params(state.name(), nextAttemptAt, error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error, id,
                        OutboxState.SENT.name())
                .update();
    }

    /**
     * An operator's retry: the message is due now, with a full set of attempts. False when it is not waiting: sent
     * already, or new and still in the lease of the node that stored it (which is sending it or about to mark it sent;
     * cutting the lease short would let a poller send it a second time).
     */
    public boolean retry(long id, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE outbox_message SET state = ?, attempts = 0, next_attempt_at = ?
                WHERE id = ? AND state <> ? AND (attempts > 0 OR next_attempt_at <= ?)""")
                .params(OutboxState.PENDING.name(), now, id, OutboxState.SENT.name(), now).update() > 0;
    }

    /** What an operator needs to see: every message not yet accepted by the server, failed ones first. */
    public List<OutboxMessage> undelivered(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE state <> ? "
                        + "ORDER BY CASE WHEN state = ? THEN 0 ELSE 1 END, next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY")
                .params(OutboxState.SENT.name(), OutboxState.FAILED.name())
                .query(OutboxRepository::map)
                .list();
    }

    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE id = ?").param(id).query(OutboxRepository::map).optional();
    }

    public Optional<OutboxMessage> findByMessageId(String messageId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE message_id = ?").param(messageId)
                .query(OutboxRepository::map).optional();
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("channel"), rs.getString("message_id"),
                Arrays.asList(rs.getString("recipients").split("\n")), rs.getString("subject"), rs.getString("text_body"),
                rs.getString("html_body"), OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class));
    }
}
