package org.freezedesk.cases.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.freezedesk.cases.SanctionsScreeningResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sanctions screening results of requests and their targets. */
@Repository
public class TargetScreeningRepository {

    private static final int BATCH = 500;

    /** What screening needs of a target. */
    public record ScreenedTarget(long id, int line, String chain, String asset, String address) {
    }

    /** A request that may still be acted upon, with its case's reference. */
    public record OpenRequest(long requestId, String caseReference) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    TargetScreeningRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<ScreenedTarget> targets(long requestId) {
        return jdbc.sql("SELECT id, line_number, chain, asset, address FROM target WHERE freeze_request_id = ? ORDER BY line_number")
                .param(requestId)
                .query((rs, n) -> new ScreenedTarget(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    public void lockRequest(long requestId) {
        jdbc.sql("SELECT id FROM freeze_request WHERE id = ? FOR UPDATE").param(requestId).query(Long.class).list();
    }

    /** Every request not rejected, oldest first; the caller leaves out closed cases. */
    public List<OpenRequest> requestsNotRejected() {
        return jdbc.sql("""
                SELECT r.id, c.reference FROM freeze_request r JOIN freeze_case c ON c.id = r.case_id
                WHERE r.state <> 'REJECTED' ORDER BY r.id""")
                .query((rs, n) -> new OpenRequest(rs.getLong(1), rs.getString(2))).list();
    }

    /** Replaces the request's hits and records which list it was screened against and when. */
    public void replace(long requestId, Long listId, LocalDate listDate, OffsetDateTime screenedAt, List<SanctionsScreeningResult.Hit> hits) {
        jdbc.sql("DELETE FROM target_sanctions_hit WHERE target_id IN (SELECT id FROM target WHERE freeze_request_id = ?)")
                .param(requestId).update();
        jdbcTemplate.batchUpdate("""
                INSERT INTO target_sanctions_hit (target_id, entry_uid, entry_name, programmes, currency) VALUES (?, ?, ?, ?, ?)""",
                hits, BATCH, (ps, h) -> {
                    ps.setLong(1, h.targetId());
                    ps.setString(2, h.entryUid());
                    ps.setString(3, h.entryName());
                    ps.setString(4, h.programmes());
                    ps.setString(5, h.currency());
                });
        jdbc.sql("UPDATE freeze_request SET sanctions_list_id = ?, sanctions_list_date = ?, sanctions_screened_at = ? WHERE id = ?")
                .params(listId, listDate == null ? null : Date.valueOf(listDate), screenedAt, requestId).update();
    }

    /** The request's hits as they stand, each as target id, SDN entry and currency. */
    public List<String> hitKeys(long requestId) {
        return jdbc.sql("""
                SELECT h.target_id, h.entry_uid, h.currency FROM target_sanctions_hit h JOIN target t ON t.id = h.target_id
                WHERE t.freeze_request_id = ?""")
                .param(requestId).query((rs, n) -> rs.getLong(1) + "/" + rs.getString(2) + "/" + rs.getString(3)).list();
    }

    public Map<Long, SanctionsScreeningResult> ofCase(long caseId) {
        Map<Long, List<SanctionsScreeningResult.Hit>> hits = new HashMap<>();
        jdbc.sql("""
                SELECT t.freeze_request_id, t.id, t.line_number, t.chain, t.asset, t.address, h.entry_uid, h.entry_name, h.programmes, h.currency
                FROM target_sanctions_hit h JOIN target t ON t.id = h.target_id JOIN freeze_request r ON r.id = t.freeze_request_id
                WHERE r.case_id = ? ORDER BY t.line_number, h.entry_name, h.currency""")
                .param(caseId)
                .query(rs -> {
                    hits.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new SanctionsScreeningResult.Hit(rs.getLong(2),
                            rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10)));
                });
        Map<Long, SanctionsScreeningResult> results = new HashMap<>();
        jdbc.sql("""
                SELECT id, sanctions_list_date, sanctions_screened_at FROM freeze_request WHERE case_id = ?""")
                .param(caseId)
                .query(rs -> {
                    long requestId = rs.getLong(1);
                    Date listDate = rs.getDate(2);
                    results.put(requestId, new SanctionsScreeningResult(listDate == null ? null : listDate.toLocalDate(),
                            rs.getObject(3, OffsetDateTime.class), hits.getOrDefault(requestId, List.of())));
                });
        return results;
    }
}
