package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.freezedesk.directory.CounterpartyKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for recovery instructions and the frozen holdings they draw on. */
@Repository
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
            rs.getString("target_address"), rs.getObject("due_at", OffsetDateTime.class), rs.getString("withdrawal_requested_by"),
            rs.getString("withdrawal_reason"));

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

    /** The instructions sent to one counterparty (those it can see), oldest first, after the one with id {@code afterId}. */
    public List<RecoveryInstruction> sentTo(long counterpartyId, RecoveryState state, long afterId, int limit) {
        String where = " WHERE cr.counterparty_id = ? AND ri.notified_at IS NOT NULL AND ri.id > ?";
        List<Object> params = new ArrayList<>(List.of(counterpartyId, afterId));
        if (state != null) {
            where += " AND ri.state = ?";
            params.add(state.name());
        }
        params.add(limit);
        return jdbc.sql(SELECT + where + " ORDER BY ri.id FETCH FIRST ? ROWS ONLY").params(params).query(INSTRUCTION).list();
    }

    public Optional<RecoveryInstruction> sentTo(long counterpartyId, long id) {
        return jdbc.sql(SELECT + " WHERE ri.id = ? AND cr.counterparty_id = ? AND ri.notified_at IS NOT NULL")
                .params(id, counterpartyId).query(INSTRUCTION).optional();
    }

    /** The urgency of the freeze request the funds were frozen under, and the counterparty's response SLA in hours. */
    Sla sla(long counterpartyRequestId) {
        return jdbc.sql("""
                SELECT fr.urgency, c.response_sla_hours FROM counterparty_request cr
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                JOIN counterparty c ON c.id = cr.counterparty_id
                WHERE cr.id = ?""").param(counterpartyRequestId)
                .query((rs, n) -> new Sla(rs.getString("urgency"), rs.getInt("response_sla_hours"))).single();
    }

    record Sla(String urgency, int responseSlaHours) {
    }

    /** The filer's amended terms, back to legal review. */
    void amend(long id, NewInstruction instruction) {
        FrozenHolding h = instruction.holding();
        jdbc.sql("""
                UPDATE recovery_instruction SET counterparty_request_id = ?, target_id = ?, instrument = ?, instrument_reference = ?,
                       instrument_date = ?, method = ?, destination_address = ?, amount = ?, state = ?
                WHERE id = ?""")
                .params(h.counterpartyRequestId(), h.targetId(), instruction.instrument().name(), instruction.instrumentReference(),
                        instruction.instrumentDate(), instruction.method().name(), instruction.destinationAddress(), instruction.amount(),
                        RecoveryState.IN_REVIEW.name(), id)
                .update();
    }

    void setState(long id, RecoveryState state) {
        jdbc.sql("UPDATE recovery_instruction SET state = ? WHERE id = ?").params(state.name(), id).update();
    }

    void setDue(long id, OffsetDateTime dueAt) {
        jdbc.sql("UPDATE recovery_instruction SET due_at = ? WHERE id = ?").params(dueAt, id).update();
    }

    void requestWithdrawal(long id, String by, String reason) {
        jdbc.sql("""
                UPDATE recovery_instruction SET state = ?, withdrawal_requested_by = ?, withdrawal_requested_at = ?, withdrawal_reason = ?
                WHERE id = ?""")
                .params(RecoveryState.WITHDRAWAL_IN_REVIEW.name(), by, now(), reason, id).update();
    }

    void review(long id, RecoveryState state, String reviewer, String comment) {
        jdbc.sql("UPDATE recovery_instruction SET state = ?, reviewed_by = ?, reviewed_at = ?, review_comment = ? WHERE id = ?")
                .params(state.name(), reviewer, now(), comment, id).update();
    }

    void markNotified(long id) {
        jdbc.sql("UPDATE recovery_instruction SET state = ?, notified_at = ? WHERE id = ?")
                .params(RecoveryState.NOTIFIED.name(), now(), id).update();
    }

    /**
     * Only an instruction waiting for its transfer (notified, overdue, or with its withdrawal still in review: a
     * transfer made is a transfer made) can be answered, once; false when it was answered or withdrawn meanwhile.
     */
    boolean confirm(long id, String name, String txHash, BigDecimal amount, LocalDate transferredOn) {
        return jdbc.sql("""
                UPDATE recovery_instruction SET state = ?, answered_at = ?, answered_by_name = ?, transfer_tx_hash = ?,
                       transferred_amount = ?, transferred_on = ?
                WHERE id = ? AND state IN (?, ?, ?)""")
                .params(RecoveryState.CONFIRMED.name(), now(), name, txHash, amount, transferredOn, id, RecoveryState.NOTIFIED.name(),
                        RecoveryState.OVERDUE.name(), RecoveryState.WITHDRAWAL_IN_REVIEW.name())
                .update() == 1;
    }

    boolean decline(long id, String name, String reason) {
        return jdbc.sql("""
                UPDATE recovery_instruction SET state = ?, answered_at = ?, answered_by_name = ?, decline_reason = ?
                WHERE id = ? AND state IN (?, ?, ?)""")
                .params(RecoveryState.DECLINED.name(), now(), name, reason, id, RecoveryState.NOTIFIED.name(), RecoveryState.OVERDUE.name(),
                        RecoveryState.WITHDRAWAL_IN_REVIEW.name())
                .update() == 1;
    }

    /**
     * Targets reported frozen in a case, with the amount already instructed against each; never under a withdrawn
     * request, whose counterparties were told to lift the freeze.
     */
    public List<FrozenHolding> frozenHoldings(long caseId) {
        return jdbc.sql("""
                SELECT cr.id AS counterparty_request_id, t.id AS target_id, c.name AS counterparty_name, c.kind,
                       fr.sequence_number, t.line_number, t.chain, t.asset, t.address,
                       COALESCE(o.frozen_amount, t.amount) AS frozen_amount,
                       (SELECT COALESCE(SUM(CASE WHEN ri.state = 'CONFIRMED' THEN ri.transferred_amount ELSE ri.amount END), 0)
                        FROM recovery_instruction ri
                        WHERE ri.counterparty_request_id = cr.id AND ri.target_id = t.id
                          AND ri.state IN ('IN_REVIEW', 'APPROVED', 'NOTIFIED', 'OVERDUE', 'WITHDRAWAL_IN_REVIEW', 'CONFIRMED'))
                          AS instructed
                FROM target_outcome o
                JOIN counterparty_response r ON r.id = o.counterparty_response_id
                JOIN counterparty_request cr ON cr.id = r.counterparty_request_id
                JOIN counterparty c ON c.id = cr.counterparty_id
                JOIN target t ON t.id = o.target_id
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                WHERE fr.case_id = ? AND fr.state <> 'WITHDRAWN' AND o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')
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

    /** Whether any instruction of the case still waits for legal review, its filer or the counterparty. */
    public boolean anyOpen(long caseId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM recovery_instruction ri
                JOIN counterparty_request cr ON cr.id = ri.counterparty_request_id
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                WHERE fr.case_id = ? AND ri.state IN ('IN_REVIEW', 'RETURNED', 'APPROVED', 'NOTIFIED', 'OVERDUE', 'WITHDRAWAL_IN_REVIEW')""")
                .param(caseId).query(Integer.class).single() > 0;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
