package org.freezedesk.review;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LegalDecisionRepository {

    private final JdbcClient jdbc;

    LegalDecisionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long freezeRequestId, String taskId, ReviewDecision decision, String comment, String decidedBy) {
        jdbc.sql("""
                INSERT INTO legal_decision (freeze_request_id, task_id, decision, comment, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(freezeRequestId, taskId, decision.name(), comment, decidedBy, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    /** The decision recorded for a review task, if any. */
    public Optional<String> decisionOfTask(String taskId) {
        return jdbc.sql("SELECT decision FROM legal_decision WHERE task_id = ?").param(taskId).query(String.class).optional();
    }

    /** The request a review task was decided for, once it has been decided. */
    public Optional<Long> requestOfDecidedTask(String taskId) {
        return jdbc.sql("SELECT freeze_request_id FROM legal_decision WHERE task_id = ?").param(taskId).query(Long.class).optional();
    }

    /** Oldest first: the history of a request through review. */
    public List<LegalDecision> forRequest(long freezeRequestId) {
        return jdbc.sql("SELECT * FROM legal_decision WHERE freeze_request_id = ? ORDER BY id")
                .param(freezeRequestId)
                .query((rs, n) -> new LegalDecision(rs.getLong("freeze_request_id"), ReviewDecision.valueOf(rs.getString("decision")),
                        rs.getString("comment"), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class)))
                .list();
    }
}
