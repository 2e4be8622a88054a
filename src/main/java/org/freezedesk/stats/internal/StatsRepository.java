package org.freezedesk.stats.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The raw figures, per asset and per counterparty request, over a scope of cases. */
@Repository
class StatsRepository {

    /** One counterparty request with the times figures are measured from. */
    record CounterpartyRequestTimes(String counterparty, String state, int slaHours, OffsetDateTime notifiedAt,
            OffsetDateTime acknowledgedAt, OffsetDateTime firstFrozenAt) {
    }

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int caseCount(StatsScope scope) {
        return scoped("SELECT COUNT(*) FROM freeze_case fc WHERE ", scope, "").query(Integer.class).single();
    }

    /** Requested amounts per asset, and how many targets asked for everything at an address. */
    Map<String, Object[]> requested(StatsScope scope) {
        return scoped("""
                SELECT t.asset, SUM(t.amount) AS amount, SUM(CASE WHEN t.amount IS NULL THEN 1 ELSE 0 END) AS all_count
                FROM target t JOIN freeze_request fr ON fr.id = t.freeze_request_id JOIN freeze_case fc ON fc.id = fr.case_id
                WHERE fr.state <> 'REJECTED' AND """, scope, " GROUP BY t.asset")
                .query((rs, n) -> new Object[] {rs.getString("asset"), orZero(rs.getBigDecimal("amount")), rs.getInt("all_count")})
                .list().stream().collect(Collectors.toMap(row -> (String) row[0], row -> row));
    }

    /** Frozen per asset, counting each counterparty request's outcome in force per target. */
    Map<String, BigDecimal> frozen(StatsScope scope) {
        return sums("""
                SELECT t.asset, SUM(COALESCE(o.frozen_amount, t.amount)) AS amount
                FROM target_outcome o
                JOIN target t ON t.id = o.target_id
                JOIN freeze_request fr ON fr.id = t.freeze_request_id
                JOIN freeze_case fc ON fc.id = fr.case_id
                WHERE o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')
                  AND o.id IN (SELECT MAX(o2.id) FROM target_outcome o2
                               JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                               GROUP BY r2.counterparty_request_id, o2.target_id)
                  AND """, scope);
    }

    Map<String, BigDecimal> recovered(StatsScope scope) {
        return sums("""
                SELECT t.asset, SUM(ri.transferred_amount) AS amount
                FROM recovery_instruction ri
                JOIN target t ON t.id = ri.target_id
                JOIN freeze_request fr ON fr.id = t.freeze_request_id
                JOIN freeze_case fc ON fc.id = fr.case_id
                WHERE ri.state = 'CONFIRMED' AND """, scope);
    }

    List<CounterpartyRequestTimes> counterpartyRequests(StatsScope scope) {
        return scoped("""
                SELECT c.name, cr.state, c.response_sla_hours, cr.notified_at, cr.acknowledged_at,
                       (SELECT MIN(r.submitted_at) FROM counterparty_response r
                        JOIN target_outcome o ON o.counterparty_response_id = r.id
                        WHERE r.counterparty_request_id = cr.id AND o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')) AS first_frozen_at
                FROM counterparty_request cr
                JOIN counterparty c ON c.id = cr.counterparty_id
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                JOIN freeze_case fc ON fc.id = fr.case_id
                WHERE """, scope, " ORDER BY c.name")
                .query((rs, n) -> new CounterpartyRequestTimes(rs.getString("name"), rs.getString("state"),
                        rs.getInt("response_sla_hours"), rs.getObject("notified_at", OffsetDateTime.class),
                        rs.getObject("acknowledged_at", OffsetDateTime.class), rs.getObject("first_frozen_at", OffsetDateTime.class)))
                .list();
    }

    private Map<String, BigDecimal> sums(String sql, StatsScope scope) {
        return scoped(sql, scope, " GROUP BY t.asset")
                .query((rs, n) -> Map.entry(rs.getString("asset"), orZero(rs.getBigDecimal("amount"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Appends the scope's condition on {@code fc} to {@code head}, then {@code tail}. */
    private JdbcClient.StatementSpec scoped(String head, StatsScope scope, String tail) {
        // Text blocks drop the space after a trailing WHERE or AND, so it is added here.
        if (scope.all()) {
            return jdbc.sql(head + " 1 = 1" + tail);
        }
        if (scope.caseIds().isEmpty()) {
            return jdbc.sql(head + " 1 = 0" + tail);
        }
        return jdbc.sql(head + " fc.id IN (:caseIds)" + tail).param("caseIds", scope.caseIds());
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
