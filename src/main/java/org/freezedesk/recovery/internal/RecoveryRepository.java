package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.freezedesk.directory.CounterpartyKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for recovery instructions and the frozen holdings they draw on. */
@Repository("recoveryRepository")
public class RecoveryRepository {

    private static final String SELECT = """
            SELECT ri.*, fc.reference AS case_reference, c.name AS counterparty_name, t.chain, t.asset, t.address AS target_address
            FROM recovery_instruction ri
            JOIN counterparty_request cr ON cr.id = ri.counterparty_request_id
            JOIN counterparty c ON c.id = cr.counterparty_id
            JOIN target t ON t.id = ri.target_id
            JOIN freeze_request fr ON fr.id = cr.freeze_request_id
            JOIN freeze_case fc ON fc.id = fr.case_id
            """;

    private static final RowMapper<RecoveryInstruction> INSTRUCTION = (rs, n) -> new RecoveryInstruction(rs.getLong("id"),
            rs.getLong("counterparty_request_id"), rs.getLong("target_id"), Instrument.valueOf(rs.getString("instrument")),
            rs.getString("instrument_reference"), rs.getObject("instrument_date", LocalDate.class),
            RecoveryMethod.valueOf(rs.getString("method")), rs.getString("destination_address"), rs.getBigDecimal("amount"),
            RecoveryState.valueOf(rs.getString("state")), rs.getString("filed_by"), rs.getObject("filed_at", OffsetDateTime.class),
            rs.getString("reviewed_by"), rs.getString("review_comment"), rs.getObject("notified_at", OffsetDateTime.class),
            rs.getObject("answered_at", OffsetDateTime.class), rs.getString("answered_by_name"), rs.getString("transfer_tx_hash"),
            rs.getBigDecimal("transferred_amount"), rs.getObject("transferred_on", LocalDate.class), rs.getString("decline_reason"),
            rs.getString("case_reference"), rs.getString("counterparty_name"), rs.getString("chain"), rs.getString("asset"),
            rs.getString("target_address"));

    /** The outcome in force per counterparty request and target, as the case page counts it. */
    private static final String OUTCOMES_IN_FORCE = """
            o.id IN (SELECT MAX(o2.id) FROM target_outcome o2
                     JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                     GROUP BY r2.counterparty_request_id, o2.target_id)""";

    private final JdbcClient jdbc;

    RecoveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long counterpartyRequestId, long targetId, Instrument instrument, String reference, LocalDate date,
            RecoveryMethod method, String destination, BigDecimal amount, String filedBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO recovery_instruction (counterparty_request_id, target_id, instrument, instrument_reference, instrument_date,
                                                  method, destination_address, amount, state, filed_by, filed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(counterpartyRequestId, targetId, instrument.name(), reference, date, method.name(), destination, amount,
                        RecoveryState.IN_REVIEW.name(), filedBy, now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    void setProcessInstanceId(long id, String processInstanceId) {
        jdbc.sql("UPDATE recovery_instruction SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    public RecoveryInstruction find(long id) {
        return jdbc.sql(SELECT + " WHERE ri.id = ?").param(id).query(INSTRUCTION).single();
    }

    public List<RecoveryInstruction> forCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE fc.id = ? ORDER BY ri.id").param(caseId).query(INSTRUCTION).list();
    }

    public List<RecoveryInstruction> forCounterpartyRequest(long counterpartyRequestId) {
        return jdbc.sql(SELECT + " WHERE ri.counterparty_request_id = ? AND ri.notified_at IS NOT NULL ORDER BY ri.id")
                .param(counterpartyRequestId).query(INSTRUCTION).list();
    }

    /** Whether the counterparty confirmed the transfer; read by the process after it answered. */
    public boolean confirmed(long id) {
        return find(id).state() == RecoveryState.CONFIRMED;
    }

    void review(long id, RecoveryState state, String reviewer, String comment) {
        jdbc.sql("UPDATE recovery_instruction SET state = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? WHERE id = ?")
                .params(state.name(), reviewer, now(), comment, id).update();
    }

    void markNotified(long id) {
        jdbc.sql("UPDATE recovery_instruction SET state = ?, notified_at = ? WHERE id = ?")
                .params(RecoveryState.NOTIFIED.name(), now(), id).update();
    }

    /** Only a notified instruction can be answered, once; false when it was answered meanwhile. */
    boolean confirm(long id, String name, String txHash, BigDecimal amount, LocalDate transferredOn) {
        return jdbc.sql("""
                UPDATE recovery_instruction SET state = ?, answered_at = ?, answered_by_name = ?, transfer_tx_hash = ?,
                       transferred_amount = ?, transferred_on = ?
                WHERE id = ? AND state = ?""")
                .params(RecoveryState.CONFIRMED.name(), now(), name, txHash, amount, transferredOn, id, RecoveryState.NOTIFIED.name())
                .update() == 1;
    }

    boolean decline(long id, String name, String reason) {
        return jdbc.sql("""
                UPDATE recovery_instruction SET state = ?, answered_at = ?, answered_by_name = ?, decline_reason = ?
                WHERE id = ? AND state = ?""")
                .params(RecoveryState.DECLINED.name(), now(), name, reason, id, RecoveryState.NOTIFIED.name()).update() == 1;
    }

    /** Targets reported frozen in a case, with the amount already instructed against each. */
    public List<FrozenHolding> frozenHoldings(long caseId) {
        return jdbc.sql("""
                SELECT cr.id AS counterparty_request_id, t.id AS target_id, c.name AS counterparty_name, c.kind,
                       fr.sequence_number, t.line_number, t.chain, t.asset, t.address,
                       COALESCE(o.frozen_amount, t.amount) AS frozen_amount,
                       (SELECT COALESCE(SUM(CASE WHEN ri.state = 'CONFIRMED' THEN ri.transferred_amount ELSE ri.amount END), 0)
                        FROM recovery_instruction ri
                        WHERE ri.counterparty_request_id = cr.id AND ri.target_id = t.id
                          AND ri.state IN ('IN_REVIEW', 'APPROVED', 'NOTIFIED', 'CONFIRMED')) AS instructed
                FROM target_outcome o
                JOIN counterparty_response r ON r.id = o.counterparty_response_id
                JOIN counterparty_request cr ON cr.id = r.counterparty_request_id
                JOIN counterparty c ON c.id = cr.counterparty_id
                JOIN target t ON t.id = o.target_id
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                WHERE fr.case_id = ? AND o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')
                """ + " AND " + OUTCOMES_IN_FORCE + """

                ORDER BY fr.sequence_number, t.line_number, c.name""")
                .param(caseId)
                .query((rs, n) -> new FrozenHolding(rs.getLong("counterparty_request_id"), rs.getLong("target_id"),
                        rs.getString("counterparty_name"), CounterpartyKind.valueOf(rs.getString("kind")), rs.getInt("sequence_number"),
                        rs.getInt("line_number"), rs.getString("chain"), rs.getString("asset"), rs.getString("address"),
                        rs.getBigDecimal("frozen_amount"), rs.getBigDecimal("instructed")))
                .list();
    }

    public Optional<FrozenHolding> frozenHolding(long caseId, long counterpartyRequestId, long targetId) {
        return frozenHoldings(caseId).stream()
                .filter(h -> h.counterpartyRequestId() == counterpartyRequestId && h.targetId() == targetId).findFirst();
    }

    /** Confirmed transfers per asset of a case. */
    public List<RecoveryTotal> recoveredPerAsset(long caseId) {
        return jdbc.sql(RECOVERED_PER_ASSET + " AND fr.case_id = ? GROUP BY t.asset ORDER BY t.asset").param(caseId)
                .query((rs, n) -> new RecoveryTotal(rs.getString("asset"), rs.getBigDecimal("recovered"))).list();
    }

    static final String RECOVERED_PER_ASSET = """
            SELECT t.asset, SUM(ri.transferred_amount) AS recovered
            FROM recovery_instruction ri
            JOIN target t ON t.id = ri.target_id
            JOIN freeze_request fr ON fr.id = t.freeze_request_id
            WHERE ri.state = 'CONFIRMED'""";

    /** Whether any instruction of the case still waits for legal review or the counterparty. */
    public boolean anyOpen(long caseId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM recovery_instruction ri
                JOIN counterparty_request cr ON cr.id = ri.counterparty_request_id
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                WHERE fr.case_id = ? AND ri.state IN ('IN_REVIEW', 'APPROVED', 'NOTIFIED')""")
                .param(caseId).query(Integer.class).single() > 0;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
