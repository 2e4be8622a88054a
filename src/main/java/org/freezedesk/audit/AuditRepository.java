package org.freezedesk.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for the audit log and its chain head. Events are only ever inserted. */
@Repository
public class AuditRepository {

    private static final RowMapper<AuditEvent> EVENT = (rs, n) -> new AuditEvent(rs.getLong("id"),
            Canonical.timestamp(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("actor"),
            rs.getString("actor_role"), rs.getString("client_address"), rs.getString("action"), rs.getString("object_type"),
            rs.getString("object_id"), rs.getString("case_reference"), rs.getString("before_value"),
            rs.getString("after_value"), rs.getString("prev_hash"), rs.getString("case_prev_hash"), rs.getString("hash"));

    private static final RowMapper<ChainHead> HEAD = (rs, n) -> new ChainHead((Long) rs.getObject("last_event_id", Long.class),
            rs.getString("last_hash"), rs.getLong("event_count"));

    private final JdbcClient jdbc;
    private final JdbcTemplate walker;

    AuditRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.walker = new JdbcTemplate(dataSource);
        this.walker.setFetchSize(AuditConstants.VERIFY_FETCH_SIZE);
    }

    /** Locks the head until the transaction ends: whoever holds it is the only one appending. */
    ChainHead lockHead() {
        return jdbc.sql("SELECT * FROM audit_chain_head WHERE id = 1 FOR UPDATE").query(HEAD).single();
    }

    public ChainHead head() {
        return jdbc.sql("SELECT * FROM audit_chain_head WHERE id = 1").query(HEAD).single();
    }

    /** The hash the case's next event links to. */
    public String lastHashOfCase(String caseReference) {
        return jdbc.sql("SELECT hash FROM audit_event WHERE case_reference = ? ORDER BY id DESC LIMIT 1")
                .param(caseReference).query(String.class).optional().orElse(AuditConstants.GENESIS_HASH);
    }

    /**
     * Inserts sealed events, in their order, in one statement, and moves the head to the last of them: two round trips
     * to the database while the head is held, however many events a transaction appends.
     */
    void append(List<AuditEvent> events) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO audit_event (occurred_at, actor, actor_role, client_address, action, object_type, object_id,
                                         case_reference, before_value, after_value, prev_hash, case_prev_hash, hash)
                VALUES """);
        List<Object> params = new ArrayList<>();
        for (AuditEvent e : events) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(Arrays.asList(e.occurredAt(), e.actor(), e.actorRole(), e.clientAddress(), e.action(), e.objectType(),
                    e.objectId(), e.caseReference(), e.beforeValue(), e.afterValue(), e.prevHash(), e.casePrevHash(), e.hash()));
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql(sql.toString()).params(params).update(keys, "id");
        long lastEventId = keys.getKeyList().stream().mapToLong(key -> ((Number) key.get("id")).longValue()).max().orElseThrow();
        jdbc.sql("UPDATE audit_chain_head SET last_event_id = ?, last_hash = ?, event_count = event_count + ? WHERE id = 1")
                .params(lastEventId, events.get(events.size() - 1).hash(), events.size()).update();
    }

    public List<AuditEvent> forCase(String caseReference) {
        return jdbc.sql("SELECT * FROM audit_event WHERE case_reference = ? ORDER BY occurred_at, id")
                .param(caseReference).query(EVENT).list();
    }

    /** Every event in chain order, a batch at a time, so the whole log never sits in memory. */
    public void walk(Consumer<AuditEvent> visitor) {
        walker.query("SELECT * FROM audit_event ORDER BY id", rs -> {
            visitor.accept(EVENT.mapRow(rs, rs.getRow()));
        });
    }

    /**
     * At most {@code limit} events of a case next to {@code from}: after it in time order when
     * {@code forward}, otherwise before it, nearest first. Without {@code from}, from the start or the end.
     */
    public List<AuditEvent> page(String caseReference, String actor, TimelinePosition from, boolean forward, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE ").append(caseAndActor(caseReference, actor, params));
        if (from != null) {
            sql.append(" AND ").append(forward ? after(from, params) : before(from, params));
        }
        String direction = forward ? "ASC" : "DESC";
        sql.append(" ORDER BY occurred_at ").append(direction).append(", id ").append(direction).append(" LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(EVENT).list();
    }

    public long count(String caseReference, String actor) {
        List<Object> params = new ArrayList<>();
        String where = caseAndActor(caseReference, actor, params);
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE " + where).params(params).query(Long.class).single();
    }

    public long countBefore(String caseReference, String actor, TimelinePosition position) {
        List<Object> params = new ArrayList<>();
        String where = caseAndActor(caseReference, actor, params) + " AND " + before(position, params);
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE " + where).params(params).query(Long.class).single();
    }

    public List<String> actors(String caseReference) {
        return jdbc.sql("SELECT DISTINCT actor FROM audit_event WHERE case_reference = ? ORDER BY actor")
                .param(caseReference).query(String.class).list();
    }

    private static String caseAndActor(String caseReference, String actor, List<Object> params) {
        params.add(caseReference);
        if (actor == null) {
            return "case_reference = ?";
        }
        params.add(actor);
        return "case_reference = ? AND actor = ?";
    }

    /** Engine entries sort after the events of the same instant, so only the time decides for them. */
    private static String after(TimelinePosition p, List<Object> params) {
        params.add(p.at());
        if (!p.audit()) {
            return "occurred_at > ?";
        }
        params.add(p.at());
        params.add(p.auditId());
        return "(occurred_at > ? OR (occurred_at = ? AND id > ?))";
    }

    private static String before(TimelinePosition p, List<Object> params) {
        params.add(p.at());
        if (!p.audit()) {
            return "occurred_at <= ?";
        }
        params.add(p.at());
        params.add(p.auditId());
        return "(occurred_at < ? OR (occurred_at = ? AND id < ?))";
    }
}
