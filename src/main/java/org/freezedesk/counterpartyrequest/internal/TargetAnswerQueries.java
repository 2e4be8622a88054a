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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The answers in force per target and counterparty, a page at a time. The page's targets are found group by group
 * (a counterparty's targets in one request, in line order): whole groups are skipped by the routing totals the case
 * keeps, and within a group the request's lines are walked in chunks along their index, reading the routes and
 * answers of those lines only. Each statement reads one table by its key, so no query plan, however stale the
 * statistics after a large import, reads the whole case: the first page of 50,000 targets costs as little as of 50.
 */
@Repository
class TargetAnswerQueries implements TargetAnswers {

    /** Lines read at a time while walking a group; a group's lines are mostly its own, so a chunk or two fills a page. */
    private static final int CHUNK = 500;
    /** Up to this many targets, a group is read by its routes rather than by walking its request's lines. */
    private static final int SMALL_GROUP = 2_000;
    private static final RowMapper<Line> LINE = (rs, n) -> new Line(rs.getLong("id"), rs.getInt("sequence_number"), rs.getString("state"),
            rs.getInt("line_number"), rs.getString("chain"), rs.getString("asset"), rs.getString("address"), rs.getBigDecimal("amount"),
            rs.getString("tx_hashes"), rs.getString("note"));

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
        Walk walk = new Walk((long) (number - 1) * PAGE_SIZE, PAGE_SIZE + 1);
        boolean countsKnown = filter.outcome() == null || UNATTRIBUTED.equals(filter.outcome());
        for (Group group : groups(caseId, filter)) {
            if (walk.full()) {
                break;
            }
            if (countsKnown && walk.skip >= group.targets()) {
                walk.skip -= group.targets();
                continue;
            }
            walk(group, filter.outcome(), walk);
        }
        List<Row> rows = walk.rows;
        boolean hasNext = rows.size() > PAGE_SIZE;
        return new Page(hasNext ? rows.subList(0, PAGE_SIZE) : rows, number, hasNext);
    }

    /** The rows still to skip and those taken, across the groups of one page. */
    private static final class Walk {

        long skip;
        final int wanted;
        final List<Row> rows = new ArrayList<>();

        Walk(long skip, int wanted) {
            this.skip = skip;
            this.wanted = wanted;
        }

        boolean full() {
            return rows.size() >= wanted;
        }
    }

    private record Line(long id, int sequenceNumber, String requestState, int lineNumber, String chain, String asset, String address,
            BigDecimal amount, String txHashes, String note) {
    }

    private record RouteRow(long counterpartyId, String reason, String overrideReason, String overriddenBy) {
    }

    private record Answer(long id, String outcome, BigDecimal frozenAmount, String internalReference, LocalDate heldUntil, String reason,
            String onwardTxHash, String onwardAddress, OffsetDateTime submittedAt) {
    }

    private static final String LINE_COLUMNS = """
            SELECT t.id, fr.sequence_number, fr.state, t.line_number, t.chain, t.asset, t.address, t.amount, t.tx_hashes, t.note
            FROM target t JOIN freeze_request fr ON fr.id = t.freeze_request_id
            """;

    /**
     * A small group's targets are read by its routes at once, wherever its lines are in the request; a large one's
     * lines are walked in order, where most lines are its own.
     */
    private void walk(Group group, String outcome, Walk walk) {
        if (group.targets() <= SMALL_GROUP) {
            List<Long> ids = group.unattributed()
                    ? jdbc.sql("""
                            SELECT t.id FROM target t WHERE t.freeze_request_id = ?
                            AND NOT EXISTS (SELECT 1 FROM target_route r WHERE r.target_id = t.id) ORDER BY t.line_number""")
                            .param(group.requestId()).query(Long.class).list()
                    : jdbc.sql("""
                            SELECT t.id FROM target_route r JOIN target t ON t.id = r.target_id
                            WHERE r.counterparty_id = ? AND t.freeze_request_id = ? ORDER BY t.line_number""")
                            .params(group.counterpartyId(), group.requestId()).query(Long.class).list();
            for (int from = 0; from < ids.size() && !walk.full(); from += CHUNK) {
                take(group, outcome, walk, jdbc.sql(LINE_COLUMNS + " WHERE t.id IN (:ids) ORDER BY t.line_number")
                        .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK))).query(LINE).list());
            }
            return;
        }
        // By ranges of line numbers rather than ORDER BY ... LIMIT: any plan reads only the range, even one made on
        // the statistics from before a large import, which would otherwise sort the request's every line.
        Integer last = jdbc.sql("SELECT MAX(line_number) FROM target WHERE freeze_request_id = ?").param(group.requestId())
                .query(Integer.class).single();
        for (long from = 0; last != null && from <= last && !walk.full(); from += CHUNK) {
            List<Line> lines = new ArrayList<>(jdbc.sql(LINE_COLUMNS + " WHERE t.freeze_request_id = ? AND t.line_number >= ? AND t.line_number < ?")
                    .params(group.requestId(), from, from + CHUNK).query(LINE).list());
            lines.sort(Comparator.comparingInt(Line::lineNumber));
            take(group, outcome, walk, lines);
        }
    }

    /** Of {@code lines}, those of the group the outcome filter lets through go to the page, after the ones to skip. */
    private void take(Group group, String outcome, Walk walk, List<Line> lines) {
        List<Long> ids = lines.stream().map(Line::id).toList();
        Map<Long, List<RouteRow>> routes = routes(ids);
        Map<Long, Answer> answers = group.unattributed() ? Map.of() : answers(ids, group.counterpartyRequestId());
        for (Line line : lines) {
            List<RouteRow> own = routes.getOrDefault(line.id(), List.of());
            RouteRow route = own.stream().filter(r -> group.counterpartyId() != null && r.counterpartyId() == group.counterpartyId())
                    .findFirst().orElse(null);
            Answer answer = answers.get(line.id());
            boolean inGroup = group.unattributed() ? own.isEmpty() : route != null;
            if (!inGroup || !matches(outcome, answer)) {
                continue;
            }
            if (walk.skip > 0) {
                walk.skip--;
                continue;
            }
            walk.rows.add(row(group, line, route, answer));
            if (walk.full()) {
                return;
            }
        }
    }

    private static boolean matches(String outcome, Answer answer) {
        if (outcome == null || UNATTRIBUTED.equals(outcome)) {
            return true;
        }
        if (AWAITING.equals(outcome)) {
            return answer == null;
        }
        return answer != null && answer.outcome().equals(outcome);
    }

    private Map<Long, List<RouteRow>> routes(List<Long> targetIds) {
        Map<Long, List<RouteRow>> routes = new HashMap<>();
        jdbc.sql("SELECT target_id, counterparty_id, reason, override_reason, overridden_by FROM target_route WHERE target_id IN (:ids)")
                .param("ids", targetIds)
                .query((rs, n) -> routes.computeIfAbsent(rs.getLong("target_id"), k -> new ArrayList<>()).add(new RouteRow(
                        rs.getLong("counterparty_id"), rs.getString("reason"), rs.getString("override_reason"), rs.getString("overridden_by"))))
                .list();
        return routes;
    }

    /** The latest answer per target in one counterparty request: every submission is kept, the last one is in force. */
    private Map<Long, Answer> answers(List<Long> targetIds, long counterpartyRequestId) {
        Map<Long, Answer> answers = new HashMap<>();
        if (counterpartyRequestId < 0) {
            return answers;
        }
        jdbc.sql("""
                SELECT o.id, o.target_id, o.outcome, o.frozen_amount, o.internal_reference, o.held_until, o.reason, o.onward_tx_hash,
                       o.onward_address, r.submitted_at
                FROM target_outcome o JOIN counterparty_response r ON r.id = o.counterparty_response_id
                WHERE o.target_id IN (:ids) AND r.counterparty_request_id = :request""")
                .param("ids", targetIds).param("request", counterpartyRequestId)
                .query((rs, n) -> answers.merge(rs.getLong("target_id"), new Answer(rs.getLong("id"), rs.getString("outcome"),
                        rs.getBigDecimal("frozen_amount"), rs.getString("internal_reference"), rs.getObject("held_until", LocalDate.class),
                        rs.getString("reason"), rs.getString("onward_tx_hash"), rs.getString("onward_address"),
                        rs.getObject("submitted_at", OffsetDateTime.class)), (x, y) -> x.id() > y.id() ? x : y))
                .list();
        return answers;
    }

    private static Row row(Group group, Line line, RouteRow route, Answer answer) {
        String outcome = answer == null ? null : answer.outcome();
        return new Row(line.sequenceNumber(), line.requestState(), line.lineNumber(), line.chain(), line.asset(), line.address(),
                plain(line.amount(), RequestedAmounts.ALL), line.txHashes(), line.note(), group.counterpartyId(), group.counterpartyName(),
                route == null ? null : RouteReason.valueOf(route.reason()).description()
                        + (route.overrideReason() == null ? "" : " (" + route.overriddenBy() + ": " + route.overrideReason() + ")"),
                outcome, outcome == null ? null : Outcome.valueOf(outcome).label(), answer == null ? null : plain(answer.frozenAmount(), null),
                answer == null ? null : answer.internalReference(), answer == null ? null : answer.heldUntil(),
                answer == null ? null : answer.reason(), answer == null ? null : answer.onwardTxHash(),
                answer == null ? null : answer.onwardAddress(), answer == null ? null : answer.submittedAt());
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
