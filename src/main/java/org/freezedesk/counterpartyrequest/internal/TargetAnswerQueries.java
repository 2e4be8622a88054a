package org.freezedesk.counterpartyrequest.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.RequestedAmounts;
import org.freezedesk.cases.RoutingLine;
import org.freezedesk.cases.TargetAnswers;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.directory.RouteReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers in force per target and counterparty, a page at a time. The page's targets are found first, group by
 * group (a counterparty's targets in one request, in line order), walking the index of each request's lines and
 * skipping whole groups by the routing totals the case keeps; only then are the answers of those few targets read.
 * A page never reads the whole case, so the first page of a case of 50,000 targets costs as little as that of 50.
 */
@Repository
class TargetAnswerQueries implements TargetAnswers {

    /** The latest outcome of a target (the first parameter) in a counterparty request (the second), by id. */
    private static final String LATEST = """
            (SELECT MAX(o3.id) FROM target_outcome o3 JOIN counterparty_response r3 ON r3.id = o3.counterparty_response_id
             WHERE o3.target_id = %s AND r3.counterparty_request_id = ?)""";
    private static final String ROW_COLUMNS = """
            SELECT fr.sequence_number, fr.state AS request_state, t.line_number, t.chain, t.asset, t.address, t.amount,
                   t.tx_hashes, t.note, %s
            FROM (%s) page
            JOIN target t ON t.id = page.id
            JOIN freeze_request fr ON fr.id = t.freeze_request_id
            """;

    /** A counterparty's targets in one request (or, without one, the request's unattributed targets). */
    private record Group(long requestId, Long counterpartyId, String counterpartyName, int sequenceNumber, int targets, long counterpartyRequestId) {

        boolean unattributed() {
            return counterpartyId == null;
        }
    }

    private final JdbcClient jdbc;
    private final CaseRepository cases;

    TargetAnswerQueries(JdbcClient jdbc, CaseRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    @Override
    public Page page(long caseId, Filter filter, int page) {
        int number = Math.max(1, page);
        long skip = (long) (number - 1) * PAGE_SIZE;
        int wanted = PAGE_SIZE + 1;
        List<Row> rows = new ArrayList<>();
        for (Group group : groups(caseId, filter)) {
            if (wanted == 0) {
                break;
            }
            if (skip > 0) {
                long size = filter.outcome() == null || UNATTRIBUTED.equals(filter.outcome()) ? group.targets() : count(group, filter.outcome());
                if (skip >= size) {
                    skip -= size;
                    continue;
                }
            }
            List<Row> part = rows(group, filter.outcome(), skip, wanted);
            rows.addAll(part);
            wanted -= part.size();
            skip = 0;
        }
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, number, hasNext);
    }

    /** The groups the filter lets through, in the page's order: counterparties by name, the unattributed last, then by request. */
    private List<Group> groups(long caseId, Filter filter) {
        Map<String, Long> counterpartyRequests = new HashMap<>();
        jdbc.sql("""
                SELECT cr.id, cr.freeze_request_id, cr.counterparty_id FROM counterparty_request cr
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id WHERE fr.case_id = ?""")
                .param(caseId)
                .query((rs, n) -> counterpartyRequests.put(rs.getLong("freeze_request_id") + "/" + rs.getLong("counterparty_id"), rs.getLong("id")))
                .list();
        boolean answersOnly = filter.outcome() != null && !UNATTRIBUTED.equals(filter.outcome());
        List<Group> groups = new ArrayList<>();
        for (FreezeRequest request : cases.requestsOf(caseId)) {
            if (filter.requestId() != null && filter.requestId() != request.id()) {
                continue;
            }
            for (RoutingLine line : cases.routingLines(request.id())) {
                boolean wanted = line.unattributed()
                        ? filter.counterpartyId() == null && !answersOnly
                        : (filter.counterpartyId() == null || filter.counterpartyId().equals(line.counterpartyId()))
                                && !UNATTRIBUTED.equals(filter.outcome());
                if (wanted) {
                    groups.add(new Group(request.id(), line.counterpartyId(), line.counterpartyName(), request.sequenceNumber(), line.targetCount(),
                            line.unattributed() ? -1L : counterpartyRequests.getOrDefault(request.id() + "/" + line.counterpartyId(), -1L)));
                }
            }
        }
        groups.sort(Comparator.comparing(Group::unattributed)
                .thenComparing(g -> g.unattributed() ? "" : g.counterpartyName())
                .thenComparing(g -> g.unattributed() ? 0L : g.counterpartyId())
                .thenComparingInt(Group::sequenceNumber));
        return groups;
    }

    /** The group's targets the outcome filter lets through, in line order, as ids. */
    private static String targetIds(Group group, String outcome, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT t0.id FROM target t0");
        if (group.unattributed()) {
            sql.append(" WHERE t0.freeze_request_id = ? AND NOT EXISTS (SELECT 1 FROM target_route tr0 WHERE tr0.target_id = t0.id)");
            params.add(group.requestId());
            return sql.toString();
        }
        sql.append(" JOIN target_route tr0 ON tr0.target_id = t0.id AND tr0.counterparty_id = ? WHERE t0.freeze_request_id = ?");
        params.add(group.counterpartyId());
        params.add(group.requestId());
        if (AWAITING.equals(outcome)) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM target_outcome o3 JOIN counterparty_response r3 ON r3.id = o3.counterparty_response_id"
                    + " WHERE o3.target_id = t0.id AND r3.counterparty_request_id = ?)");
            params.add(group.counterpartyRequestId());
        } else if (outcome != null) {
            sql.append(" AND (SELECT o4.outcome FROM target_outcome o4 WHERE o4.id = ").append(LATEST.formatted("t0.id")).append(") = ?");
            params.add(group.counterpartyRequestId());
            params.add(outcome);
        }
        return sql.toString();
    }

    private long count(Group group, String outcome) {
        List<Object> params = new ArrayList<>();
        String ids = targetIds(group, outcome, params);
        return jdbc.sql("SELECT COUNT(*) FROM (" + ids + ") matching").params(params).query(Long.class).single();
    }

    private List<Row> rows(Group group, String outcome, long skip, int limit) {
        List<Object> params = new ArrayList<>();
        String page = targetIds(group, outcome, params) + " ORDER BY t0.line_number LIMIT ? OFFSET ?";
        params.add(limit);
        params.add(skip);
        String sql;
        if (group.unattributed()) {
            sql = ROW_COLUMNS.formatted("""
                    NULL AS counterparty_id, NULL AS counterparty_name, NULL AS route_reason, NULL AS override_reason, NULL AS overridden_by,
                    NULL AS outcome, NULL AS frozen_amount, NULL AS internal_reference, NULL AS held_until, NULL AS reason,
                    NULL AS onward_tx_hash, NULL AS onward_address, NULL AS submitted_at""", page);
        } else {
            sql = ROW_COLUMNS.formatted("""
                    tr.counterparty_id, c.name AS counterparty_name, tr.reason AS route_reason, tr.override_reason, tr.overridden_by,
                    o.outcome, o.frozen_amount, o.internal_reference, o.held_until, o.reason, o.onward_tx_hash, o.onward_address,
                    r.submitted_at""", page) + """
                    JOIN target_route tr ON tr.target_id = t.id AND tr.counterparty_id = ?
                    JOIN counterparty c ON c.id = tr.counterparty_id
                    LEFT JOIN target_outcome o ON o.id = %s
                    LEFT JOIN counterparty_response r ON r.id = o.counterparty_response_id
                    """.formatted(LATEST.formatted("t.id"));
            params.add(group.counterpartyId());
            params.add(group.counterpartyRequestId());
        }
        return jdbc.sql(sql + " ORDER BY t.line_number").params(params).query((rs, n) -> {
            String outcomeName = rs.getString("outcome");
            String routeReason = rs.getString("route_reason");
            String overrideReason = rs.getString("override_reason");
            return new Row(rs.getInt("sequence_number"), rs.getString("request_state"), rs.getInt("line_number"), rs.getString("chain"),
                    rs.getString("asset"), rs.getString("address"), plain(rs.getBigDecimal("amount"), RequestedAmounts.ALL), rs.getString("tx_hashes"), rs.getString("note"),
                    group.counterpartyId(), group.counterpartyName(),
                    routeReason == null ? null : RouteReason.valueOf(routeReason).description()
                            + (overrideReason == null ? "" : " (" + rs.getString("overridden_by") + ": " + overrideReason + ")"),
                    outcomeName, outcomeName == null ? null : Outcome.valueOf(outcomeName).label(), plain(rs.getBigDecimal("frozen_amount"), null),
                    rs.getString("internal_reference"), rs.getObject("held_until", LocalDate.class), rs.getString("reason"),
                    rs.getString("onward_tx_hash"), rs.getString("onward_address"), rs.getObject("submitted_at", OffsetDateTime.class));
        }).list();
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
        // The counterparties routed to, from the few rows of the routing totals, and those asked: no target is read.
        return jdbc.sql("""
                SELECT c.id, c.name FROM counterparty c WHERE c.id IN (
                    SELECT cr.counterparty_id FROM counterparty_request cr JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                    WHERE fr.case_id = ?
                    UNION
                    SELECT rt.counterparty_id FROM routing_total rt JOIN freeze_request fr ON fr.id = rt.freeze_request_id
                    WHERE fr.case_id = ?)
                ORDER BY c.name""")
                .params(caseId, caseId)
                .query((rs, n) -> new Choice(String.valueOf(rs.getLong("id")), rs.getString("name")))
                .list();
    }

    private static String plain(BigDecimal amount, String ifNull) {
        return amount == null ? ifNull : amount.stripTrailingZeros().toPlainString();
    }
}
