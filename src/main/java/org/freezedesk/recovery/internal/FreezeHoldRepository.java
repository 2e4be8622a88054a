package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for freeze holds and the held-until dates counterparties report. */
@Repository
public class FreezeHoldRepository {

    private static final String SELECT = """
            SELECT h.*, fc.reference AS case_reference, c.name AS counterparty_name, t.chain, t.asset, t.address
            FROM freeze_hold h
            JOIN counterparty_request cr ON cr.id = h.counterparty_request_id
            JOIN counterparty c ON c.id = cr.counterparty_id
            JOIN target t ON t.id = h.target_id
            JOIN freeze_request fr ON fr.id = cr.freeze_request_id
            JOIN freeze_case fc ON fc.id = fr.case_id
            """;

    private static final RowMapper<FreezeHold> HOLD = (rs, n) -> new FreezeHold(rs.getLong("id"), rs.getLong("counterparty_request_id"),
            rs.getLong("target_id"), rs.getObject("held_until", LocalDate.class), FreezeHoldState.valueOf(rs.getString("state")),
            rs.getObject("extension_requested_at", OffsetDateTime.class), rs.getString("extension_requested_by"),
            rs.getString("case_reference"), rs.getString("counterparty_name"), rs.getString("chain"), rs.getString("asset"),
            rs.getString("address"));

    /** A held-until date the counterparty reported for a frozen target, as it stands now. */
    record ReportedHold(long targetId, LocalDate heldUntil) {
    }

    private final JdbcClient jdbc;

    FreezeHoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public FreezeHold find(long id) {
        return jdbc.sql(SELECT + " WHERE h.id = ?").param(id).query(HOLD).single();
    }

    Optional<FreezeHold> find(long counterpartyRequestId, long targetId) {
        return jdbc.sql(SELECT + " WHERE h.counterparty_request_id = ? AND h.target_id = ?").params(counterpartyRequestId, targetId)
                .query(HOLD).optional();
    }

    public List<FreezeHold> forCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE fc.id = ? ORDER BY h.held_until, h.id").param(caseId).query(HOLD).list();
    }

    public List<FreezeHold> forCounterpartyRequest(long counterpartyRequestId) {
        return jdbc.sql(SELECT + " WHERE h.counterparty_request_id = ? ORDER BY h.held_until, h.id").param(counterpartyRequestId)
                .query(HOLD).list();
    }

    /** Frozen targets with a held-until date, from the outcome in force per target. */
    List<ReportedHold> reported(long counterpartyRequestId) {
        return jdbc.sql("""
                SELECT o.target_id, o.held_until FROM target_outcome o
                WHERE o.held_until IS NOT NULL AND o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')
                  AND o.id IN (SELECT MAX(o2.id) FROM target_outcome o2
                               JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                               WHERE r2.counterparty_request_id = ? GROUP BY o2.target_id)""")
                .param(counterpartyRequestId)
                .query((rs, n) -> new ReportedHold(rs.getLong("target_id"), rs.getObject("held_until", LocalDate.class))).list();
    }

    long insert(long counterpartyRequestId, long targetId, LocalDate heldUntil) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO freeze_hold (counterparty_request_id, target_id, held_until, state) VALUES (?, ?, ?, ?)")
                .params(counterpartyRequestId, targetId, heldUntil, FreezeHoldState.HELD.name()).update(key, "id");
        return key.getKey().longValue();
    }

    void setProcessInstanceId(long id, String processInstanceId) {
        jdbc.sql("UPDATE freeze_hold SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    void extend(long id, LocalDate heldUntil) {
        jdbc.sql("UPDATE freeze_hold SET held_until = ?, state = ? WHERE id = ?").params(heldUntil, FreezeHoldState.HELD.name(), id)
                .update();
    }

    void markExtensionRequested(long id, String by) {
        jdbc.sql("UPDATE freeze_hold SET state = ?, extension_requested_at = ?, extension_requested_by = ? WHERE id = ?")
                .params(FreezeHoldState.EXTENSION_REQUESTED.name(), OffsetDateTime.now(ZoneOffset.UTC), by, id).update();
    }

    void markLapsed(long id) {
        jdbc.sql("UPDATE freeze_hold SET state = ? WHERE id = ?").params(FreezeHoldState.LAPSED.name(), id).update();
    }
}
