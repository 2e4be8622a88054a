package org.freezedesk.recovery.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.freezedesk.cases.ClosedCases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for closing cases, and for what still keeps a case open. */
@Repository
public class CaseClosureRepository implements ClosedCases {

    private final JdbcClient jdbc;

    CaseClosureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaseClosure> find(long caseId) {
        return jdbc.sql("SELECT * FROM case_closure WHERE case_id = ?").param(caseId)
                .query((rs, n) -> new CaseClosure(rs.getLong("case_id"), rs.getString("summary"), rs.getString("closed_by"),
                        rs.getObject("closed_at", OffsetDateTime.class)))
                .optional();
    }

    @Override
    public boolean isClosed(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM case_closure cc JOIN freeze_case fc ON fc.id = cc.case_id WHERE fc.reference = ?")
                .param(reference).query(Integer.class).single() > 0;
    }

    void insert(long caseId, String summary, String closedBy) {
        jdbc.sql("INSERT INTO case_closure (case_id, summary, closed_by, closed_at) VALUES (?, ?, ?, ?)")
                .params(caseId, summary, closedBy, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    /** Counterparty requests of the case not yet closed, as "Binance (request 1)". */
    List<String> openCounterpartyRequests(long caseId) {
        return jdbc.sql("""
                SELECT c.name, fr.sequence_number FROM counterparty_request cr
                JOIN counterparty c ON c.id = cr.counterparty_id
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                WHERE fr.case_id = ? AND cr.state NOT IN ('CLOSED', 'WITHDRAWN')
                ORDER BY fr.sequence_number, c.name""")
                .param(caseId).query((rs, n) -> rs.getString("name") + " (request " + rs.getInt("sequence_number") + ")").list();
    }

    /** Requests still in legal review or returned for amendment. */
    List<Integer> requestsInReview(long caseId) {
        return jdbc.sql("SELECT sequence_number FROM freeze_request WHERE case_id = ? AND state IN ('IN_REVIEW', 'RETURNED') ORDER BY sequence_number")
                .param(caseId).query(Integer.class).list();
    }

    int counterpartyRequestCount(long caseId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM counterparty_request cr JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                WHERE fr.case_id = ?""").param(caseId).query(Integer.class).single();
    }
}
