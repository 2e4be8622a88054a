package org.freezedesk.counterpartyrequest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.freezedesk.cases.TargetAnswers;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.directory.RouteReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers in force per target and counterparty, a page at a time. The latest outcome of each (target,
 * counterparty request) is found once per case in a grouped subquery, then joined to the page's rows; paging
 * reads one row more than a page to know whether another follows, and never counts the whole case.
 */
@Repository
class TargetAnswerQueries implements TargetAnswers {

    private final JdbcClient jdbc;

    TargetAnswerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page page(long caseId, Filter filter, int page) {
        int number = Math.max(1, page);
        StringBuilder sql = new StringBuilder("""
                SELECT fr.sequence_number, fr.state AS request_state, t.line_number, t.chain, t.asset, t.address, t.amount,
                       t.tx_hashes, t.note,
                       tr.counterparty_id, c.name AS counterparty_name, tr.reason AS route_reason, tr.override_reason, tr.overridden_by,
                       o.outcome, o.frozen_amount, o.internal_reference, o.held_until, o.reason, o.onward_tx_hash, o.onward_address,
                       r.submitted_at
                FROM freeze_request fr
                JOIN target t ON t.freeze_request_id = fr.id
                LEFT JOIN target_route tr ON tr.target_id = t.id
                LEFT JOIN counterparty c ON c.id = tr.counterparty_id
                LEFT JOIN counterparty_request cr ON cr.freeze_request_id = fr.id AND cr.counterparty_id = tr.counterparty_id
                LEFT JOIN (SELECT o2.target_id, r2.counterparty_request_id, MAX(o2.id) AS outcome_id
                           FROM target_outcome o2
                           JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                           JOIN counterparty_request cr2 ON cr2.id = r2.counterparty_request_id
                           JOIN freeze_request fr2 ON fr2.id = cr2.freeze_request_id
                           WHERE fr2.case_id = ?
                           GROUP BY o2.target_id, r2.counterparty_request_id) latest
                       ON latest.target_id = t.id AND latest.counterparty_request_id = cr.id
                LEFT JOIN target_outcome o ON o.id = latest.outcome_id
                LEFT JOIN counterparty_response r ON r.id = o.counterparty_response_id
                WHERE fr.case_id = ?""");
        List<Object> params = new ArrayList<>(List.of(caseId, caseId));
        if (filter.requestId() != null) {
            sql.append(" AND fr.id = ?");
            params.add(filter.requestId());
        }
        if (filter.counterpartyId() != null) {
            sql.append(" AND tr.counterparty_id = ?");
            params.add(filter.counterpartyId());
        }
        if (AWAITING.equals(filter.outcome())) {
            sql.append(" AND tr.counterparty_id IS NOT NULL AND o.id IS NULL");
        } else if (UNATTRIBUTED.equals(filter.outcome())) {
            sql.append(" AND tr.counterparty_id IS NULL");
        } else if (filter.outcome() != null) {
            sql.append(" AND o.outcome = ?");
            params.add(filter.outcome());
        }
        // Counterparties by name, the unattributed targets last, so that the page reads as groups.
        sql.append(" ORDER BY CASE WHEN c.name IS NULL THEN 1 ELSE 0 END, c.name, fr.sequence_number, t.line_number");
        sql.append(" LIMIT ? OFFSET ?");
        params.add(PAGE_SIZE + 1);
        params.add((long) (number - 1) * PAGE_SIZE);
        List<Row> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            String outcome = rs.getString("outcome");
            String routeReason = rs.getString("route_reason");
            String overrideReason = rs.getString("override_reason");
            return new Row(rs.getInt("sequence_number"), rs.getString("request_state"), rs.getInt("line_number"), rs.getString("chain"),
                    rs.getString("asset"), rs.getString("address"), plain(rs.getBigDecimal("amount"), "all"), rs.getString("tx_hashes"), rs.getString("note"),
                    rs.getObject("counterparty_id", Long.class), rs.getString("counterparty_name"),
                    routeReason == null ? null : RouteReason.valueOf(routeReason).description()
                            + (overrideReason == null ? "" : " (" + rs.getString("overridden_by") + ": " + overrideReason + ")"),
                    outcome, outcome == null ? null : Outcome.valueOf(outcome).label(), plain(rs.getBigDecimal("frozen_amount"), null),
                    rs.getString("internal_reference"), rs.getObject("held_until", LocalDate.class), rs.getString("reason"),
                    rs.getString("onward_tx_hash"), rs.getString("onward_address"), rs.getObject("submitted_at", OffsetDateTime.class));
        }).list();
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, number, hasNext);
    }

    @Override
    public List<Choice> outcomeChoices() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice(AWAITING, "No answer yet"));
        Arrays.stream(Outcome.values()).forEach(o -> choices.add(new Choice(o.name(), o.label())));
        choices.add(new Choice(UNATTRIBUTED, "Unattributed: nobody holds it"));
        return choices;
    }

    @Override
    public List<Choice> counterpartyChoices(long caseId) {
        return jdbc.sql("""
                SELECT DISTINCT c.id, c.name FROM counterparty c
                WHERE EXISTS (SELECT 1 FROM counterparty_request cr JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                              WHERE cr.counterparty_id = c.id AND fr.case_id = ?)
                   OR EXISTS (SELECT 1 FROM target_route tr JOIN target t ON t.id = tr.target_id
                              JOIN freeze_request fr ON fr.id = t.freeze_request_id
                              WHERE tr.counterparty_id = c.id AND fr.case_id = ?)
                ORDER BY c.name""")
                .params(caseId, caseId)
                .query((rs, n) -> new Choice(String.valueOf(rs.getLong("id")), rs.getString("name")))
                .list();
    }

    private static String plain(BigDecimal amount, String ifNull) {
        return amount == null ? ifNull : amount.stripTrailingZeros().toPlainString();
    }
}
