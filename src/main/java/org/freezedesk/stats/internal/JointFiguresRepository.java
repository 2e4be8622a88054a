package org.freezedesk.stats.internal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A joint case's figures per filing agency and asset, and in total. Two agencies may ask for the same address: an
 * address counts once in an agency's figures and once in the total, at the largest amount asked or frozen there, since
 * the funds at one address are frozen once however many requests asked for them. Recovered amounts are transfers, each
 * counted once, for the agency whose request the recovered target belongs to.
 */
@Repository
class JointFiguresRepository {

    /** One line of sums: {@code agency} null for the case's total. */
    record Sum(String agency, String asset, BigDecimal amount, int allCount) {
    }

    /** Per address, what is asked: the largest amount, or "all" (amount NULL) when any request asked for everything. */
    private static final String REQUESTED_PER_ADDRESS = """
            SELECT %s t.chain, t.asset, t.address, MAX(t.amount) AS amount,
                   MAX(CASE WHEN t.amount IS NULL THEN 1 ELSE 0 END) AS all_flag
            FROM target t JOIN freeze_request fr ON fr.id = t.freeze_request_id
            WHERE fr.case_id = :caseId AND fr.state <> 'REJECTED'
            GROUP BY %s t.chain, t.asset, t.address""";

    /** Per address, the largest amount any counterparty's answer in force froze there. */
    private static final String FROZEN_PER_ADDRESS = """
            SELECT %s t.chain, t.asset, t.address, MAX(COALESCE(o.frozen_amount, t.amount)) AS amount
            FROM target_outcome o
            JOIN target t ON t.id = o.target_id
            JOIN freeze_request fr ON fr.id = t.freeze_request_id
            WHERE fr.case_id = :caseId AND o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')
              AND o.id IN (SELECT MAX(o2.id) FROM target_outcome o2
                           JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                           JOIN counterparty_request cr2 ON cr2.id = r2.counterparty_request_id
                           JOIN freeze_request fr2 ON fr2.id = cr2.freeze_request_id
                           WHERE fr2.case_id = :caseId
                           GROUP BY r2.counterparty_request_id, o2.target_id)
            GROUP BY %s t.chain, t.asset, t.address""";

    private final JdbcClient jdbc;

    JointFiguresRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Sum> requested(long caseId, boolean perAgency) {
        String agency = perAgency ? "fr.agency," : "";
        return jdbc.sql("SELECT " + (perAgency ? "agency" : "NULL AS agency") + """
                , asset, SUM(CASE WHEN all_flag = 1 THEN 0 ELSE COALESCE(amount, 0) END) AS amount, SUM(all_flag) AS all_count
                FROM (""" + REQUESTED_PER_ADDRESS.formatted(agency, agency) + ") per_address GROUP BY "
                + (perAgency ? "agency, " : "") + "asset")
                .param("caseId", caseId)
                .query((rs, n) -> new Sum(rs.getString("agency"), rs.getString("asset"), orZero(rs.getBigDecimal("amount")),
                        rs.getInt("all_count")))
                .list();
    }

    List<Sum> frozen(long caseId, boolean perAgency) {
        String agency = perAgency ? "fr.agency," : "";
        return jdbc.sql("SELECT " + (perAgency ? "agency" : "NULL AS agency") + """
                , asset, SUM(amount) AS amount FROM (""" + FROZEN_PER_ADDRESS.formatted(agency, agency) + ") per_address GROUP BY "
                + (perAgency ? "agency, " : "") + "asset")
                .param("caseId", caseId)
                .query((rs, n) -> new Sum(rs.getString("agency"), rs.getString("asset"), orZero(rs.getBigDecimal("amount")), 0))
                .list();
    }

    /** Confirmed transfers per filing agency and asset. */
    List<Sum> recovered(long caseId) {
        return jdbc.sql("""
                SELECT fr.agency, t.asset, SUM(ri.transferred_amount) AS amount
                FROM recovery_instruction ri
                JOIN target t ON t.id = ri.target_id
                JOIN freeze_request fr ON fr.id = t.freeze_request_id
                WHERE ri.state = 'CONFIRMED' AND fr.case_id = :caseId
                GROUP BY fr.agency, t.asset""")
                .param("caseId", caseId)
                .query((rs, n) -> new Sum(rs.getString("agency"), rs.getString("asset"), orZero(rs.getBigDecimal("amount")), 0))
                .list();
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
