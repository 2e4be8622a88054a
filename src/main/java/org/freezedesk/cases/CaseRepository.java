package org.freezedesk.cases;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.freezedesk.cases.internal.AssetTotal;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetChecker;
import org.freezedesk.cases.internal.TargetRoute;
import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.Route;
import org.freezedesk.directory.RouteKey;
import org.freezedesk.directory.RouteReason;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** SQL for cases, their freeze requests and targets. */
@Repository
public class CaseRepository {

    private static final RowMapper<FreezeCase> CASE = (rs, n) -> new FreezeCase(rs.getLong("id"), rs.getString("reference"),
            rs.getString("title"), rs.getString("agency"), rs.getString("incident_summary"), rs.getString("victim"),
            rs.getObject("theft_date", LocalDate.class), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class));

    private static final RowMapper<FreezeRequest> REQUEST = (rs, n) -> new FreezeRequest(rs.getLong("id"),
            rs.getLong("case_id"), rs.getInt("sequence_number"), rs.getString("legal_basis"),
            rs.getString("court_order_reference"), rs.getString("mlat_reference"), Urgency.valueOf(rs.getString("urgency")),
            FreezeRequestState.valueOf(rs.getString("state")), rs.getString("filed_by"),
            rs.getObject("filed_at", OffsetDateTime.class), rs.getString("process_instance_id"), rs.getString("emergency_justification"),
            rs.getObject("on_call_reminded_at", OffsetDateTime.class), rs.getInt("on_call_reminders"), rs.getBoolean("do_not_notify"),
            rs.getString("do_not_notify_basis"), rs.getObject("do_not_notify_until", LocalDate.class), rs.getString("agency"));

    private static final RowMapper<Target> TARGET = (rs, n) -> new Target(rs.getLong("id"), rs.getLong("freeze_request_id"),
            rs.getInt("line_number"), rs.getString("chain"), rs.getString("asset"), rs.getString("address"),
            rs.getBigDecimal("amount"), rs.getString("tx_hashes"), rs.getString("note"));

    private static final RowMapper<TargetRoute> ROUTE = (rs, n) -> new TargetRoute(rs.getLong("target_id"),
            rs.getLong("counterparty_id"), rs.getString("name"), CounterpartyKind.valueOf(rs.getString("kind")),
            RouteReason.valueOf(rs.getString("reason")), rs.getString("override_reason"), rs.getString("overridden_by"));

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    private final TransactionTemplate savepoint;

    public CaseRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The next reference of the year, FRZ-YYYY-NNNNNN. The year's counter row is locked by the increment until the
     * filing commits, so concurrent filings take turns. The first filing of a year inserts the row inside a savepoint:
     * on PostgreSQL a failed statement aborts its whole transaction, so a concurrent first filing that loses the insert
     * rolls back to the savepoint only, and counts on from the row the winner committed (its insert waited for that
     * commit).
     */
    public String nextReference(int year) {
        if (incrementCounter(year) == 0) {
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO case_reference_counter (reference_year, last_number) VALUES (?, 1)")
                        .param(year).update());
            } catch (DuplicateKeyException concurrentFirstOfYear) {
                incrementCounter(year);
            }
        }
        long number = jdbc.sql("SELECT last_number FROM case_reference_counter WHERE reference_year = ?")
                .param(year).query(Long.class).single();
        return "FRZ-%d-%06d".formatted(year, number);
    }

    private int incrementCounter(int year) {
        return jdbc.sql("UPDATE case_reference_counter SET last_number = last_number + 1 WHERE reference_year = ?").param(year).update();
    }

    public long insertCase(String reference, FilingForm form, String agency, String createdBy) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO freeze_case (reference, title, agency, incident_summary, victim, theft_date, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reference, form.getTitle().strip(), agency, form.getIncidentSummary().strip(), blankToNull(form.getVictim()),
                        form.getTheftDate() == null ? null : Date.valueOf(form.getTheftDate()), createdBy, now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void updateCase(long caseId, FilingForm form) {
        jdbc.sql("UPDATE freeze_case SET title = ?, incident_summary = ?, victim = ?, theft_date = ? WHERE id = ?")
                .params(form.getTitle().strip(), form.getIncidentSummary().strip(), blankToNull(form.getVictim()),
                        form.getTheftDate() == null ? null : Date.valueOf(form.getTheftDate()), caseId)
                .update();
    }

    /** {@code agency} files the request: the filer's, which in a joint case may be a partner's rather than the case's. */
    public long insertRequest(long caseId, int sequenceNumber, FilingForm form, String filedBy, String agency) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO freeze_request (case_id, sequence_number, legal_basis, court_order_reference, mlat_reference,
                                            urgency, state, filed_by, filed_at, emergency_justification, do_not_notify,
                                            do_not_notify_basis, do_not_notify_until, agency)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, sequenceNumber, form.getLegalBasis().strip(), blankToNull(form.getCourtOrderReference()),
                        blankToNull(form.getMlatReference()), form.getUrgency().name(), FreezeRequestState.IN_REVIEW.name(),
                        filedBy, now(), emergencyJustification(form), form.isDoNotNotify(), doNotNotifyBasis(form), doNotNotifyUntil(form),
                        agency)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void updateRequest(long requestId, FilingForm form) {
        jdbc.sql("""
                UPDATE freeze_request SET legal_basis = ?, court_order_reference = ?, mlat_reference = ?, urgency = ?,
                       emergency_justification = ?, do_not_notify = ?, do_not_notify_basis = ?, do_not_notify_until = ?
                WHERE id = ?""")
                .params(form.getLegalBasis().strip(), blankToNull(form.getCourtOrderReference()),
                        blankToNull(form.getMlatReference()), form.getUrgency().name(), emergencyJustification(form),
                        form.isDoNotNotify(), doNotNotifyBasis(form), doNotNotifyUntil(form), requestId)
                .update();
    }

    /** A justification given with another urgency than EMERGENCY is not kept: nothing would read it. */
    private static String emergencyJustification(FilingForm form) {
        return form.getUrgency() == Urgency.EMERGENCY ? blankToNull(form.getEmergencyJustification()) : null;
    }

    private static String doNotNotifyBasis(FilingForm form) {
        return form.isDoNotNotify() ? blankToNull(form.getDoNotNotifyBasis()) : null;
    }

    private static Date doNotNotifyUntil(FilingForm form) {
        return form.isDoNotNotify() && form.getDoNotNotifyUntil() != null ? Date.valueOf(form.getDoNotNotifyUntil()) : null;
    }

    /** The on-call officers were reminded again that an EMERGENCY request waits for them. */
    public void onCallReminded(long requestId) {
        jdbc.sql("UPDATE freeze_request SET on_call_reminded_at = ?, on_call_reminders = on_call_reminders + 1 WHERE id = ?")
                .params(now(), requestId).update();
    }

    public void setProcessInstanceId(long requestId, String processInstanceId) {
        jdbc.sql("UPDATE freeze_request SET process_instance_id = ? WHERE id = ?").params(processInstanceId, requestId).update();
    }

    public void setState(long requestId, FreezeRequestState state) {
        jdbc.sql("UPDATE freeze_request SET state = ? WHERE id = ?").params(state.name(), requestId).update();
    }

    /** Stores the targets and their routes; {@code routes} holds every target's route key, empty when unattributed. */
    public void insertTargets(long requestId, List<NewTarget> targets, Map<RouteKey, List<Route>> routes) {
        jdbcTemplate.batchUpdate("""
                INSERT INTO target (freeze_request_id, line_number, chain, asset, address, amount, tx_hashes, note)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", targets, BATCH, (ps, t) -> {
            ps.setLong(1, requestId);
            ps.setInt(2, t.lineNumber());
            ps.setString(3, t.chain());
            ps.setString(4, t.asset());
            ps.setString(5, t.address());
            ps.setBigDecimal(6, t.amount());
            ps.setString(7, t.txHashes());
            ps.setString(8, t.note());
        });
        record LineRoute(int lineNumber, Route route) {
        }
        List<LineRoute> lineRoutes = targets.stream()
                .flatMap(t -> routes.getOrDefault(t.routeKey(), List.of()).stream().map(r -> new LineRoute(t.lineNumber(), r)))
                .toList();
        jdbcTemplate.batchUpdate("""
                INSERT INTO target_route (target_id, counterparty_id, reason)
                SELECT id, ?, ? FROM target WHERE freeze_request_id = ? AND line_number = ?""", lineRoutes, BATCH, (ps, lr) -> {
            ps.setLong(1, lr.route().counterpartyId());
            ps.setString(2, lr.route().reason().name());
            ps.setLong(3, requestId);
            ps.setInt(4, lr.lineNumber());
        });
    }

    /**
     * Sums a request's targets again after they or their routes changed, for {@link #routingLines} and
     * {@link #requestedPerAsset}. The request's row is locked first, so that two changes at once sum one after
     * the other and the later sees the earlier.
     */
    public void refreshTotals(long requestId) {
        jdbc.sql("SELECT id FROM freeze_request WHERE id = ? FOR UPDATE").param(requestId).query(Long.class).single();
        jdbc.sql("DELETE FROM routing_total WHERE freeze_request_id = ?").param(requestId).update();
        jdbc.sql("DELETE FROM requested_total WHERE freeze_request_id = ?").param(requestId).update();
        jdbc.sql("""
                INSERT INTO routing_total (freeze_request_id, counterparty_id, asset, targets, amount, all_count)
                SELECT t.freeze_request_id, r.counterparty_id, t.asset, COUNT(*), COALESCE(SUM(t.amount), 0),
                       SUM(CASE WHEN t.amount IS NULL THEN 1 ELSE 0 END)
                FROM target t LEFT JOIN target_route r ON r.target_id = t.id
                WHERE t.freeze_request_id = ?
                GROUP BY t.freeze_request_id, r.counterparty_id, t.asset""")
                .param(requestId).update();
        jdbc.sql("""
                INSERT INTO requested_total (freeze_request_id, asset, targets, amount, all_count)
                SELECT t.freeze_request_id, t.asset, COUNT(*), COALESCE(SUM(t.amount), 0), SUM(CASE WHEN t.amount IS NULL THEN 1 ELSE 0 END)
                FROM target t WHERE t.freeze_request_id = ?
                GROUP BY t.freeze_request_id, t.asset""")
                .param(requestId).update();
    }

    /** Only for a returned request, which no counterparty has seen yet. */
    public void deleteTargets(long requestId) {
        jdbc.sql("DELETE FROM target_sanctions_hit WHERE target_id IN (SELECT id FROM target WHERE freeze_request_id = ?)")
                .param(requestId).update();
        jdbc.sql("DELETE FROM target_route WHERE target_id IN (SELECT id FROM target WHERE freeze_request_id = ?)")
                .param(requestId).update();
        jdbc.sql("DELETE FROM target WHERE freeze_request_id = ?").param(requestId).update();
    }

    /** Replaces a target's routes by the filer's choice; no counterparty leaves it unattributed. */
    public void overrideRoutes(long targetId, Collection<Long> counterpartyIds, String reason, String filer) {
        jdbc.sql("DELETE FROM target_route WHERE target_id = ?").param(targetId).update();
        for (long counterpartyId : counterpartyIds) {
            jdbc.sql("""
                    INSERT INTO target_route (target_id, counterparty_id, reason, override_reason, overridden_by)
                    VALUES (?, ?, ?, ?, ?)""")
                    .params(targetId, counterpartyId, RouteReason.OVERRIDE.name(), reason, filer).update();
        }
    }

    public Optional<FreezeCase> findCase(String reference) {
        return jdbc.sql("SELECT * FROM freeze_case WHERE reference = ?").param(reference).query(CASE).optional();
    }

    public Optional<FreezeCase> findCase(long caseId) {
        return jdbc.sql("SELECT * FROM freeze_case WHERE id = ?").param(caseId).query(CASE).optional();
    }

    public FreezeCase caseOfRequest(long requestId) {
        return jdbc.sql("SELECT c.* FROM freeze_case c JOIN freeze_request r ON r.case_id = c.id WHERE r.id = ?")
                .param(requestId).query(CASE).single();
    }

    /** Every case when {@code agency} is null, otherwise that agency's. Newest first. */
    public List<FreezeCase> listCases(String agency) {
        if (agency == null) {
            return jdbc.sql("SELECT * FROM freeze_case ORDER BY id DESC").query(CASE).list();
        }
        return jdbc.sql("SELECT * FROM freeze_case WHERE agency = ? ORDER BY id DESC").param(agency).query(CASE).list();
    }

    /** Holds the case's row until the transaction ends, so that requests filed on it at once are numbered in turn. */
    public void lockCase(long caseId) {
        jdbc.sql("SELECT id FROM freeze_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
    }

    /** The agency's own cases and the joint cases it is an active partner of, newest first. */
    public List<FreezeCase> listCasesOfMember(String agency) {
        return jdbc.sql("""
                SELECT * FROM freeze_case WHERE agency = ?
                   OR id IN (SELECT case_id FROM case_partner WHERE agency = ? AND state = 'ACTIVE')
                ORDER BY id DESC""").params(agency, agency).query(CASE).list();
    }

    public FreezeRequest request(long requestId) {
        return jdbc.sql("SELECT * FROM freeze_request WHERE id = ?").param(requestId).query(REQUEST).single();
    }

    public List<FreezeRequest> requestsOf(long caseId) {
        return jdbc.sql("SELECT * FROM freeze_request WHERE case_id = ? ORDER BY sequence_number").param(caseId).query(REQUEST).list();
    }

    public List<Target> targetsOf(long requestId) {
        return jdbc.sql("SELECT * FROM target WHERE freeze_request_id = ? ORDER BY line_number").param(requestId).query(TARGET).list();
    }

    public Optional<Target> target(long requestId, int lineNumber) {
        return jdbc.sql("SELECT * FROM target WHERE freeze_request_id = ? AND line_number = ?")
                .params(requestId, lineNumber).query(TARGET).optional();
    }

    /** The counterparties a request fans out to, one counterparty request each. */
    public List<Long> routedCounterpartyIds(long requestId) {
        return jdbc.sql("""
                SELECT DISTINCT r.counterparty_id FROM target_route r JOIN target t ON t.id = r.target_id
                WHERE t.freeze_request_id = ? ORDER BY r.counterparty_id""")
                .param(requestId).query(Long.class).list();
    }

    public List<Target> targetsRoutedTo(long requestId, long counterpartyId) {
        return jdbc.sql("""
                SELECT t.* FROM target t JOIN target_route r ON r.target_id = t.id
                WHERE t.freeze_request_id = ? AND r.counterparty_id = ? ORDER BY t.line_number""")
                .params(requestId, counterpartyId).query(TARGET).list();
    }

    /** How many targets a request has, counted on the index rather than read. */
    /** Requests by id, for a page of them in one query; ids not found are left out. */
    public Map<Long, FreezeRequest> requests(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM freeze_request WHERE id IN (:ids)").param("ids", requestIds).query(REQUEST).list().stream()
                .collect(Collectors.toMap(FreezeRequest::id, r -> r));
    }

    /** Cases by id, for a page of them in one query; ids not found are left out. */
    public Map<Long, FreezeCase> cases(Collection<Long> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM freeze_case WHERE id IN (:ids)").param("ids", caseIds).query(CASE).list().stream()
                .collect(Collectors.toMap(FreezeCase::id, c -> c));
    }

    /** How many targets each request has, for a page of requests in one query; a request without targets is left out. */
    public Map<Long, Integer> targetCounts(Collection<Long> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT freeze_request_id, COUNT(*) AS n FROM target WHERE freeze_request_id IN (:ids) GROUP BY freeze_request_id")
                .param("ids", requestIds).query((rs, n) -> Map.entry(rs.getLong("freeze_request_id"), rs.getInt("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public int targetCount(long requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM target WHERE freeze_request_id = ?").param(requestId).query(Integer.class).single();
    }

    public int unattributedCount(long requestId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM target t WHERE t.freeze_request_id = ?
                AND NOT EXISTS (SELECT 1 FROM target_route r WHERE r.target_id = t.id)""")
                .param(requestId).query(Integer.class).single();
    }

    /** Every route of a request's targets, by target id. */
    public Map<Long, List<TargetRoute>> routesOf(long requestId) {
        return jdbc.sql("""
                SELECT r.*, c.name, c.kind FROM target_route r JOIN target t ON t.id = r.target_id
                JOIN counterparty c ON c.id = r.counterparty_id
                WHERE t.freeze_request_id = ? ORDER BY c.name""")
                .param(requestId).query(ROUTE).list().stream()
                .collect(Collectors.groupingBy(TargetRoute::targetId, LinkedHashMap::new, Collectors.toList()));
    }

    public List<TargetRoute> routesOfTarget(long targetId) {
        return jdbc.sql("""
                SELECT r.*, c.name, c.kind FROM target_route r JOIN counterparty c ON c.id = r.counterparty_id
                WHERE r.target_id = ? ORDER BY c.name""")
                .param(targetId).query(ROUTE).list();
    }

    /**
     * Where each target of a case was already requested, keyed like {@link TargetChecker#key}, leaving out one
     * request (the one being amended) or none.
     */
    public Map<String, String> requestedTargets(long caseId, Long exceptRequestId) {
        Map<String, String> result = new HashMap<>();
        jdbc.sql("""
                SELECT t.chain, t.asset, t.address, t.line_number, r.sequence_number
                FROM target t JOIN freeze_request r ON r.id = t.freeze_request_id
                WHERE r.case_id = ? AND r.state <> 'REJECTED' AND r.id <> ?
                ORDER BY r.sequence_number, t.line_number""")
                .params(caseId, exceptRequestId == null ? -1L : exceptRequestId)
                .query((rs, n) -> result.putIfAbsent(TargetChecker.key(rs.getString("chain"), rs.getString("asset"), rs.getString("address")),
                        "request " + rs.getInt("sequence_number") + ", line " + rs.getInt("line_number")))
                .list();
        return result;
    }

    /**
     * A request's routing as {@link #refreshTotals} summed it, so that a request of 50,000 targets costs a few rows:
     * per counterparty (by name) and then the unattributed ones, the number of targets and their amounts per asset.
     */
    public List<RoutingLine> routingLines(long requestId) {
        record Sum(Long counterpartyId, String name, String kind, String asset, int targets, BigDecimal amount, int allCount) {
        }
        List<Sum> sums = jdbc.sql("""
                SELECT r.counterparty_id, c.name, c.kind, r.asset, r.targets, r.amount, r.all_count
                FROM routing_total r LEFT JOIN counterparty c ON c.id = r.counterparty_id
                WHERE r.freeze_request_id = ?""")
                .param(requestId)
                .query((rs, n) -> new Sum(rs.getObject("counterparty_id", Long.class), rs.getString("name"), rs.getString("kind"),
                        rs.getString("asset"), rs.getInt("targets"), orZero(rs.getBigDecimal("amount")), rs.getInt("all_count")))
                .list();
        Map<Long, List<Sum>> byCounterparty = sums.stream().collect(Collectors.groupingBy(
                s -> s.counterpartyId() == null ? -1L : s.counterpartyId(), LinkedHashMap::new, Collectors.toList()));
        return byCounterparty.values().stream()
                .map(group -> {
                    Sum first = group.get(0);
                    return new RoutingLine(first.counterpartyId(), first.name(),
                            first.kind() == null ? null : CounterpartyKind.valueOf(first.kind()),
                            group.stream().mapToInt(Sum::targets).sum(),
                            group.stream().sorted(Comparator.comparing(Sum::asset))
                                    .map(s -> new AssetTotal(s.asset(), s.amount(), s.allCount())).toList());
                })
                .sorted(Comparator.comparing(RoutingLine::unattributed).thenComparing(l -> l.unattributed() ? "" : l.counterpartyName()))
                .toList();
    }

    /** Requested amounts per asset over a case's approved and pending requests; "all" targets are counted apart. */
    public List<AssetTotal> requestedPerAsset(long caseId) {
        return jdbc.sql("""
                SELECT t.asset, SUM(t.amount) AS amount, SUM(t.all_count) AS all_count
                FROM requested_total t JOIN freeze_request r ON r.id = t.freeze_request_id
                WHERE r.case_id = ? AND r.state <> 'REJECTED'
                GROUP BY t.asset ORDER BY t.asset""")
                .param(caseId)
                .query((rs, n) -> new AssetTotal(rs.getString("asset"), orZero(rs.getBigDecimal("amount")), rs.getInt("all_count")))
                .list();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
