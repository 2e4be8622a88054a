package org.freezedesk.cases.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.Route;
import org.freezedesk.directory.RouteReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for CSV imports of targets: the file's state, its checked lines, their problems and routes. */
@Repository
public class TargetImportRepository {

    private static final int BATCH = 1000;

    private static final RowMapper<TargetImport> IMPORT = (rs, n) -> new TargetImport(rs.getString("id"), rs.getString("owner"),
            (Long) rs.getObject("case_id", Long.class), (Integer) rs.getObject("request_sequence", Integer.class),
            rs.getString("file_name"), rs.getString("file_sha256"), ImportState.valueOf(rs.getString("state")),
            rs.getInt("total_lines"), rs.getInt("checked_lines"), rs.getInt("error_lines"), rs.getInt("warning_lines"),
            rs.getString("failure"), rs.getString("draft"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    TargetImportRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    void create(String id, String owner, Long caseId, Integer requestSequence, String fileName, String fileSha256, int totalLines,
            String draft) {
        OffsetDateTime now = now();
        jdbc.sql("""
                INSERT INTO target_import (id, owner, case_id, request_sequence, file_name, file_sha256, state, total_lines, draft,
                                           created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, owner, caseId, requestSequence, fileName, fileSha256, ImportState.CHECKING.name(), totalLines, draft,
                        now, now)
                .update();
    }

    void progress(String id, int checkedLines) {
        jdbc.sql("UPDATE target_import SET checked_lines = ?, updated_at = ? WHERE id = ?").params(checkedLines, now(), id).update();
    }

    void fail(String id, String failure) {
        jdbc.sql("UPDATE target_import SET state = ?, failure = ?, updated_at = ? WHERE id = ?")
                .params(ImportState.FAILED.name(), failure, now(), id).update();
    }

    /** Stores the checked lines and marks the import ready; the caller's transaction makes it all or nothing. */
    void storeResults(String id, List<ImportLine> lines, int errorLines, int warningLines) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO target_import_line (import_id, line_number, valid, chain, asset, address, amount_text, amount,
                                                tx_hashes, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, BATCH, (ps, l) -> {
            ps.setString(1, id);
            ps.setInt(2, l.lineNumber());
            ps.setBoolean(3, l.valid());
            ps.setString(4, fit(l.chain(), 20));
            ps.setString(5, fit(l.asset(), 20));
            ps.setString(6, fit(l.address(), 128));
            ps.setString(7, fit(l.amountText(), 60));
            ps.setBigDecimal(8, l.valid() && !"all".equals(l.amountText()) ? new BigDecimal(l.amountText()) : null);
            ps.setString(9, fit(l.txHashes(), 4000));
            ps.setString(10, fit(l.note(), 1000));
        });
        List<ImportLine.Problem> problems = lines.stream().flatMap(l -> l.problems().stream()).toList();
        jdbcTemplate.batchUpdate("""
                INSERT INTO target_import_problem (import_id, line_number, column_name, severity, message) VALUES (?, ?, ?, ?, ?)""",
                problems, BATCH, (ps, p) -> {
                    ps.setString(1, id);
                    ps.setInt(2, p.lineNumber());
                    ps.setString(3, p.column());
                    ps.setString(4, p.severity().name());
                    ps.setString(5, fit(p.message(), 1000));
                });
        record LineRoute(int lineNumber, Route route) {
        }
        List<LineRoute> routes = lines.stream().flatMap(l -> l.routes().stream().map(r -> new LineRoute(l.lineNumber(), r))).toList();
        jdbcTemplate.batchUpdate("""
                INSERT INTO target_import_route (import_id, line_number, counterparty_id, reason) VALUES (?, ?, ?, ?)""",
                routes, BATCH, (ps, lr) -> {
                    ps.setString(1, id);
                    ps.setInt(2, lr.lineNumber());
                    ps.setLong(3, lr.route().counterpartyId());
                    ps.setString(4, lr.route().reason().name());
                });
        jdbc.sql("""
                UPDATE target_import SET state = ?, checked_lines = total_lines, error_lines = ?, warning_lines = ?, updated_at = ?
                WHERE id = ?""")
                .params(ImportState.READY.name(), errorLines, warningLines, now(), id).update();
    }

    Optional<TargetImport> find(String id) {
        return jdbc.sql("SELECT * FROM target_import WHERE id = ?").param(id).query(IMPORT).optional();
    }

    /** A page of lines in file order, each with its problems and routes. */
    List<ImportLine> lines(String id, int offset, int limit) {
        record Values(int lineNumber, boolean valid, String chain, String asset, String address, String amountText,
                String txHashes, String note) {
        }
        List<Values> values = jdbc.sql("""
                SELECT * FROM target_import_line WHERE import_id = ? ORDER BY line_number OFFSET ? ROWS FETCH NEXT ? ROWS ONLY""")
                .params(id, offset, limit)
                .query((rs, n) -> new Values(rs.getInt("line_number"), rs.getBoolean("valid"), rs.getString("chain"),
                        rs.getString("asset"), rs.getString("address"), rs.getString("amount_text"), rs.getString("tx_hashes"),
                        rs.getString("note")))
                .list();
        if (values.isEmpty()) {
            return List.of();
        }
        int first = values.get(0).lineNumber();
        int last = values.get(values.size() - 1).lineNumber();
        Map<Integer, List<ImportLine.Problem>> problems = new HashMap<>();
        jdbc.sql("SELECT * FROM target_import_problem WHERE import_id = ? AND line_number BETWEEN ? AND ? ORDER BY severity, column_name")
                .params(id, first, last).query(PROBLEM).list()
                .forEach(p -> problems.computeIfAbsent(p.lineNumber(), k -> new ArrayList<>()).add(p));
        Map<Integer, List<Route>> routes = new HashMap<>();
        jdbc.sql("""
                SELECT r.line_number, r.reason, c.id, c.name, c.kind FROM target_import_route r JOIN counterparty c ON c.id = r.counterparty_id
                WHERE r.import_id = ? AND r.line_number BETWEEN ? AND ? ORDER BY c.kind DESC, c.name""")
                .params(id, first, last)
                .query((rs, n) -> routes.computeIfAbsent(rs.getInt("line_number"), k -> new ArrayList<>()).add(new Route(rs.getLong("id"),
                        rs.getString("name"), CounterpartyKind.valueOf(rs.getString("kind")), RouteReason.valueOf(rs.getString("reason")))))
                .list();
        return values.stream().map(v -> new ImportLine(v.lineNumber(), v.valid(), v.chain(), v.asset(), v.address(), v.amountText(),
                v.txHashes(), v.note(), problems.getOrDefault(v.lineNumber(), List.of()), routes.getOrDefault(v.lineNumber(), List.of())))
                .toList();
    }

    private static final RowMapper<ImportLine.Problem> PROBLEM = (rs, n) -> new ImportLine.Problem(rs.getInt("line_number"),
            rs.getString("column_name"), ImportLine.Severity.valueOf(rs.getString("severity")), rs.getString("message"));

    /** Errors first, then warnings, each in file order; at most {@code limit}. */
    List<ImportLine.Problem> problems(String id, int limit) {
        return jdbc.sql("""
                SELECT * FROM target_import_problem WHERE import_id = ?
                ORDER BY severity, line_number, column_name FETCH FIRST ? ROWS ONLY""")
                .params(id, limit).query(PROBLEM).list();
    }

    /** Where the valid lines go: per counterparty (by name) and then the unattributed ones, with sums per asset. */
    List<ImportGroup> groups(String id) {
        Map<String, List<AssetTotal>> totals = new LinkedHashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT c.name, l.asset, COUNT(*) AS targets, SUM(l.amount) AS amount,
                       SUM(CASE WHEN l.amount IS NULL THEN 1 ELSE 0 END) AS all_count
                FROM target_import_route r
                JOIN target_import_line l ON l.import_id = r.import_id AND l.line_number = r.line_number
                JOIN counterparty c ON c.id = r.counterparty_id
                WHERE r.import_id = ? GROUP BY c.name, l.asset ORDER BY c.name, l.asset""")
                .param(id)
                .query((rs, n) -> addTotal(totals, counts, rs.getString("name"), rs.getString("asset"), rs.getInt("targets"),
                        rs.getBigDecimal("amount"), rs.getInt("all_count")))
                .list();
        Map<String, List<AssetTotal>> unattributed = new LinkedHashMap<>();
        Map<String, Integer> unattributedCount = new HashMap<>();
        jdbc.sql("""
                SELECT l.asset, COUNT(*) AS targets, SUM(l.amount) AS amount, SUM(CASE WHEN l.amount IS NULL THEN 1 ELSE 0 END) AS all_count
                FROM target_import_line l
                WHERE l.import_id = ? AND l.valid = TRUE
                  AND NOT EXISTS (SELECT 1 FROM target_import_route r WHERE r.import_id = l.import_id AND r.line_number = l.line_number)
                GROUP BY l.asset ORDER BY l.asset""")
                .param(id)
                .query((rs, n) -> addTotal(unattributed, unattributedCount, "", rs.getString("asset"), rs.getInt("targets"),
                        rs.getBigDecimal("amount"), rs.getInt("all_count")))
                .list();
        List<ImportGroup> groups = new ArrayList<>();
        totals.forEach((name, list) -> groups.add(new ImportGroup(name, counts.get(name), list)));
        unattributed.forEach((name, list) -> groups.add(new ImportGroup(null, unattributedCount.get(name), list)));
        return groups;
    }

    private static boolean addTotal(Map<String, List<AssetTotal>> totals, Map<String, Integer> counts, String name, String asset,
            int targets, BigDecimal amount, int allCount) {
        counts.merge(name, targets, Integer::sum);
        return totals.computeIfAbsent(name, k -> new ArrayList<>())
                .add(new AssetTotal(asset, amount == null ? BigDecimal.ZERO : amount, allCount));
    }

    /** Marks the import as filed, exactly once: a second filing, or one of an import with errors, finds nothing to claim. */
    public void claim(TargetImport targetImport, String owner) {
        int claimed = jdbc.sql("""
                UPDATE target_import SET state = ?, updated_at = ?
                WHERE id = ? AND owner = ? AND state = ? AND error_lines = 0""")
                .params(ImportState.SAVED.name(), now(), targetImport.id(), owner, ImportState.READY.name()).update();
        if (claimed == 0) {
            throw new ImportNotUsableException(switch (find(targetImport.id()).map(TargetImport::state).orElse(ImportState.FAILED)) {
                case SAVED -> targetImport.fileName() + " was filed already; upload it again to file its targets once more";
                case CHECKING -> targetImport.fileName() + " is still being checked";
                case READY -> targetImport.fileName() + " has lines with errors; correct them and upload the file again";
                case FAILED -> "The check of " + targetImport.fileName() + " failed; upload the file again";
            });
        }
    }

    /** The import's lines become the request's targets, with the routes the preview showed; two statements, no round trips. */
    public void copyTargets(String importId, long requestId) {
        jdbc.sql("""
                INSERT INTO target (freeze_request_id, line_number, chain, asset, address, amount, tx_hashes, note)
                SELECT ?, line_number, chain, asset, address, amount, tx_hashes, note
                FROM target_import_line WHERE import_id = ? AND valid = TRUE""")
                .params(requestId, importId).update();
        jdbc.sql("""
                INSERT INTO target_route (target_id, counterparty_id, reason)
                SELECT t.id, r.counterparty_id, r.reason
                FROM target_import_route r JOIN target t ON t.freeze_request_id = ? AND t.line_number = r.line_number
                WHERE r.import_id = ?""")
                .params(requestId, importId).update();
    }

    /** Imports are working material: after a while they are of no use and are removed with their lines. */
    void deleteCreatedBefore(OffsetDateTime before) {
        for (String table : List.of("target_import_problem", "target_import_route", "target_import_line")) {
            jdbc.sql("DELETE FROM " + table + " WHERE import_id IN (SELECT id FROM target_import WHERE created_at < ?)")
                    .param(before).update();
        }
        jdbc.sql("DELETE FROM target_import WHERE created_at < ?").param(before).update();
    }

    private static String fit(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
