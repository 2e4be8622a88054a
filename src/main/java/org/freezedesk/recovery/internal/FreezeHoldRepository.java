package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    /**
     * Inserts the hold unless one is open for this target already, and says whether it did. The unique key on
     * (counterparty request, target) stops a concurrent second insert; the loser's listener fails and its event
     * is published again later, when this finds the hold and changes nothing.
     */
    Optional<Long> open(long counterpartyRequestId, long targetId, LocalDate heldUntil, long responseId) {
        int inserted = jdbc.sql("""
                INSERT INTO freeze_hold (counterparty_request_id, target_id, held_until, state, response_id)
                SELECT ?, ?, ?, ?, ? FROM (VALUES (0)) AS one (x)
                WHERE NOT EXISTS (SELECT 1 FROM freeze_hold WHERE counterparty_request_id = ? AND target_id = ?)""")
                .params(counterpartyRequestId, targetId, heldUntil, FreezeHoldState.HELD.name(), responseId, counterpartyRequestId,
                        targetId).update();
        return inserted == 0 ? Optional.empty() : find(counterpartyRequestId, targetId).map(FreezeHold::id);
    }

    void setProcessInstanceId(long id, String processInstanceId) {
        jdbc.sql("UPDATE freeze_hold SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    void extend(long id, LocalDate heldUntil) {
        jdbc.sql("UPDATE freeze_hold SET held_until = ?, state = ? WHERE id = ?").params(heldUntil, FreezeHoldState.HELD.name(), id)
                .update();
    }

    /**
     * Moves the date to what a later answer reported, and says whether it did: never for an answer older than the one
     * that set the date, nor once the hold lapsed or was released.
     */
    boolean moveByAnswer(long id, LocalDate heldUntil, long responseId) {
        return jdbc.sql("""
                UPDATE freeze_hold SET held_until = ?, state = ?, response_id = ?
                WHERE id = ? AND (response_id IS NULL OR response_id < ?) AND state IN (?, ?)""")
                .params(heldUntil, FreezeHoldState.HELD.name(), responseId, id, responseId, FreezeHoldState.HELD.name(),
                        FreezeHoldState.EXTENSION_REQUESTED.name())
                .update() == 1;
    }

    void markExtensionRequested(long id, String by) {
        jdbc.sql("UPDATE freeze_hold SET state = ?, extension_requested_at = ?, extension_requested_by = ? WHERE id = ?")
                .params(FreezeHoldState.EXTENSION_REQUESTED.name(), OffsetDateTime.now(ZoneOffset.UTC), by, id).update();
    }

    /** Holds of a freeze request that still watch a lapse. */
    List<FreezeHold> openForFreezeRequest(long freezeRequestId) {
        return jdbc.sql(SELECT + " WHERE cr.freeze_request_id = ? AND h.state IN (?, ?) ORDER BY h.id")
                .params(freezeRequestId, FreezeHoldState.HELD.name(), FreezeHoldState.EXTENSION_REQUESTED.name()).query(HOLD).list();
    }

    /** Whether this call released the hold; a replayed withdrawal finds it released already and changes nothing. */
    boolean markReleased(long id) {
        return jdbc.sql("UPDATE freeze_hold SET state = ? WHERE id = ? AND state IN (?, ?)")
                .params(FreezeHoldState.RELEASED.name(), id, FreezeHoldState.HELD.name(), FreezeHoldState.EXTENSION_REQUESTED.name())
                .update() == 1;
    }

    void markLapsed(long id) {
        jdbc.sql("UPDATE freeze_hold SET state = ? WHERE id = ?").params(FreezeHoldState.LAPSED.name(), id).update();
    }
}
