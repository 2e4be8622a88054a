package org.freezedesk.counterpartyrequest;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.freezedesk.cases.CounterpartyProgress;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.CounterpartyRequestSummary;
import org.freezedesk.cases.Lead;
import org.freezedesk.cases.Urgency;
import org.freezedesk.counterpartyrequest.internal.ContactChannel;
import org.freezedesk.counterpartyrequest.internal.FollowUpContact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for counterparty requests, their responses and the outcome per target. */
@Repository
public class CounterpartyRequestRepository implements CounterpartyProgress {

    private static final RowMapper<CounterpartyRequest> REQUEST = (rs, n) -> new CounterpartyRequest(rs.getLong("id"),
            rs.getLong("freeze_request_id"), rs.getLong("counterparty_id"),
            CounterpartyRequestState.valueOf(rs.getString("state")), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("notified_at", OffsetDateTime.class), rs.getObject("acknowledged_at", OffsetDateTime.class),
            rs.getString("acknowledged_by_name"), rs.getString("acknowledged_by_title"),
            rs.getObject("responded_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
            rs.getObject("due_at", OffsetDateTime.class));

    private static final RowMapper<TargetOutcome> OUTCOME = (rs, n) -> new TargetOutcome(rs.getLong("counterparty_response_id"),
            rs.getLong("target_id"), Outcome.valueOf(rs.getString("outcome")), rs.getBigDecimal("frozen_amount"),
            rs.getString("internal_reference"), rs.getObject("held_until", LocalDate.class), rs.getString("onward_tx_hash"),
            rs.getString("onward_address"), rs.getString("reason"), rs.getObject("submitted_at", OffsetDateTime.class),
            rs.getString("submitted_by_name"), rs.getString("through_case") == null ? null
                    : RequestLabel.of(rs.getString("through_case"), rs.getInt("through_sequence")));

    /** With, for an answer given through another request of the case, that request's case and number. */
    private static final String OUTCOME_COLUMNS = """
            SELECT o.*, r.submitted_at, r.submitted_by_name, sfc.reference AS through_case, sfr.sequence_number AS through_sequence
            FROM target_outcome o JOIN counterparty_response r ON r.id = o.counterparty_response_id
            LEFT JOIN counterparty_response sr ON sr.id = r.shared_from_response_id
            LEFT JOIN counterparty_request scr ON scr.id = sr.counterparty_request_id
            LEFT JOIN freeze_request sfr ON sfr.id = scr.freeze_request_id
            LEFT JOIN freeze_case sfc ON sfc.id = sfr.case_id
            """;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    public CounterpartyRequestRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Idempotent, so a retried engine job finds the request it created before. */
    /** The request of the freeze request to the counterparty, served from now on by the process {@code processInstanceId}. */
    public long create(long freezeRequestId, long counterpartyId, String processInstanceId) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM counterparty_request WHERE freeze_request_id = ? AND counterparty_id = ?")
                .params(freezeRequestId, counterpartyId).query(Long.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("UPDATE counterparty_request SET process_instance_id = ? WHERE id = ?").params(processInstanceId, existing.get())
                    .update();
            return existing.get();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO counterparty_request (freeze_request_id, counterparty_id, state, created_at, process_instance_id)
                VALUES (?, ?, ?, ?, ?)""")
                .params(freezeRequestId, counterpartyId, CounterpartyRequestState.NOTIFIED.name(), now(), processInstanceId)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The process that serves the request; empty for a request created before requests named theirs. */
    public Optional<String> processInstanceId(long id) {
        return jdbc.sql("SELECT process_instance_id FROM counterparty_request WHERE id = ?").param(id).query(String.class).optional();
    }

    public CounterpartyRequest find(long id) {
        return jdbc.sql("SELECT * FROM counterparty_request WHERE id = ?").param(id).query(REQUEST).single();
    }

    /** The other counterparty requests of the same case to the same counterparty, whatever their state, by id. */
    public List<CounterpartyRequest> othersOfCaseToSameCounterparty(long id) {
        return jdbc.sql("""
                SELECT cr.* FROM counterparty_request cr JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                JOIN freeze_request this_fr ON this_fr.case_id = fr.case_id
                JOIN counterparty_request this_cr ON this_cr.freeze_request_id = this_fr.id AND this_cr.counterparty_id = cr.counterparty_id
                WHERE this_cr.id = ? AND cr.id <> this_cr.id ORDER BY cr.id""")
                .param(id).query(REQUEST).list();
    }

    /**
     * Locks the rows of these counterparty requests, lowest id first: every transaction that writes to several of
     * them takes them in the same order, so two of them never wait on each other.
     */
    public void lockInOrder(List<Long> ids) {
        ids.stream().sorted().distinct().forEach(id -> jdbc.sql("SELECT id FROM counterparty_request WHERE id = ? FOR UPDATE")
                .param(id).query(Long.class).single());
    }

    /** The request, if it is addressed to that counterparty: what a counterparty's key may reach. */
    public Optional<CounterpartyRequest> findAddressedTo(long id, long counterpartyId) {
        return jdbc.sql("SELECT * FROM counterparty_request WHERE id = ? AND counterparty_id = ?").params(id, counterpartyId)
                .query(REQUEST).optional();
    }

    /** The counterparty requests of one case, for pages that list them. */
    public List<CounterpartyRequest> findByCase(long caseId) {
        return jdbc.sql("""
                SELECT cr.* FROM counterparty_request cr JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                WHERE fr.case_id = ? ORDER BY fr.sequence_number, cr.id""")
                .param(caseId).query(REQUEST).list();
    }

    /**
     * The requests addressed to one counterparty, oldest first, after the one with id {@code afterId}: a page of a
     * list that new requests only lengthen at its end, so a cursor never skips nor repeats one.
     */
    public List<AddressedRequest> addressedTo(long counterpartyId, RequestFilter filter, long afterId, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT cr.*, fc.reference AS case_reference, fc.title AS case_title, fc.agency AS case_agency,
                       fr.sequence_number, fr.urgency
                FROM counterparty_request cr JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                JOIN freeze_case fc ON fc.id = fr.case_id
                WHERE cr.counterparty_id = ? AND cr.id > ?""");
        List<Object> params = new ArrayList<>(List.of(counterpartyId, afterId));
        if (filter.state() != null) {
            sql.append(" AND cr.state = ?");
            params.add(filter.state().name());
        }
        if (filter.urgency() != null) {
            sql.append(" AND fr.urgency = ?");
            params.add(filter.urgency().name());
        }
        if (filter.dueBefore() != null) {
            sql.append(" AND cr.due_at < ?");
            params.add(filter.dueBefore());
        }
        if (filter.dueFrom() != null) {
            sql.append(" AND cr.due_at >= ?");
            params.add(filter.dueFrom());
        }
        sql.append(" ORDER BY cr.id FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new AddressedRequest(REQUEST.mapRow(rs, n), rs.getString("case_reference"),
                        rs.getString("case_title"), rs.getString("case_agency"), rs.getInt("sequence_number"),
                        Urgency.valueOf(rs.getString("urgency"))))
                .list();
    }

    /** The first mail counts; reminders and later mails leave the time alone. */
    public void markNotified(long id) {
        jdbc.sql("UPDATE counterparty_request SET notified_at = COALESCE(notified_at, ?) WHERE id = ?").params(now(), id).update();
    }

    public void setDue(long id, OffsetDateTime dueAt) {
        jdbc.sql("UPDATE counterparty_request SET due_at = ? WHERE id = ?").params(dueAt, id).update();
    }

    /** Only the first acknowledgement counts, and it never moves a request back from a later state; false if it was not the first. */
    public boolean acknowledge(long id, String name, String title) {
        return jdbc.sql("""
                UPDATE counterparty_request SET acknowledged_at = ?, acknowledged_by_name = ?, acknowledged_by_title = ?,
                       state = CASE WHEN state = ? THEN ? ELSE state END
                WHERE id = ? AND acknowledged_at IS NULL""")
                .params(now(), name, title, CounterpartyRequestState.NOTIFIED.name(), CounterpartyRequestState.ACKNOWLEDGED.name(), id)
                .update() > 0;
    }

    public void setState(long id, CounterpartyRequestState state) {
        jdbc.sql("UPDATE counterparty_request SET state = ? WHERE id = ?").params(state.name(), id).update();
    }

    /** The counterparty requests one freeze request fanned out to. */
    public List<CounterpartyRequest> forFreezeRequest(long freezeRequestId) {
        return jdbc.sql("SELECT * FROM counterparty_request WHERE freeze_request_id = ? ORDER BY id").param(freezeRequestId)
                .query(REQUEST).list();
    }

    /** Whether it was withdrawn now; false when it had been already (a replayed event). */
    public boolean withdraw(long id) {
        return jdbc.sql("UPDATE counterparty_request SET state = ?, withdrawn_at = ? WHERE id = ? AND state <> ?")
                .params(CounterpartyRequestState.WITHDRAWN.name(), now(), id, CounterpartyRequestState.WITHDRAWN.name()).update() > 0;
    }

    /** Whether the response confirmed that the customer was not told; false for answers to requests that did not ask. */
    /** The responses to the request that confirmed the customer was not told, in one query however many it has. */
    public Set<Long> responsesConfirmingDoNotNotify(long id) {
        return new HashSet<>(jdbc.sql("SELECT id FROM counterparty_response WHERE counterparty_request_id = ? AND do_not_notify_confirmed")
                .param(id).query(Long.class).list());
    }

    public long insertResponse(long id, String submittedByName, String clientAddress, List<NewOutcome> outcomes,
            boolean doNotNotifyConfirmed) {
        long responseId = insertResponse(id, submittedByName, clientAddress, outcomes, doNotNotifyConfirmed, null);
        jdbc.sql("DELETE FROM response_draft WHERE counterparty_request_id = ?").param(id).update();
        return responseId;
    }

    /**
     * The same answer, given through another request of the case ({@code sharedFromResponseId}), recorded on this one.
     * The counterparty's draft here stays: it did not send it.
     */
    public long insertSharedResponse(long id, String submittedByName, String clientAddress, List<NewOutcome> outcomes,
            long sharedFromResponseId) {
        return insertResponse(id, submittedByName, clientAddress, outcomes, false, sharedFromResponseId);
    }

    /** When the response was stored. */
    public OffsetDateTime submittedAt(long responseId) {
        return jdbc.sql("SELECT submitted_at FROM counterparty_response WHERE id = ?").param(responseId).query(OffsetDateTime.class).single();
    }

    private long insertResponse(long id, String submittedByName, String clientAddress, List<NewOutcome> outcomes,
            boolean doNotNotifyConfirmed, Long sharedFromResponseId) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO counterparty_response (counterparty_request_id, submitted_at, submitted_by_name, client_address,
                                                   do_not_notify_confirmed, shared_from_response_id)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, now(), submittedByName, clientAddress, doNotNotifyConfirmed, sharedFromResponseId)
                .update(key, "id");
        long responseId = key.getKey().longValue();
        jdbcTemplate.batchUpdate("""
                INSERT INTO target_outcome (counterparty_response_id, target_id, outcome, frozen_amount, internal_reference,
                                            held_until, onward_tx_hash, onward_address, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", outcomes, 500, (ps, o) -> {
            ps.setLong(1, responseId);
            ps.setLong(2, o.targetId());
            ps.setString(3, o.outcome().name());
            ps.setBigDecimal(4, o.frozenAmount());
            ps.setString(5, o.internalReference());
            ps.setDate(6, o.heldUntil() == null ? null : Date.valueOf(o.heldUntil()));
            ps.setString(7, o.onwardTxHash());
            ps.setString(8, o.onwardAddress());
            ps.setString(9, o.reason());
        });
        // An overdue request stays overdue until it is closed or its deadline extended.
        jdbc.sql("UPDATE counterparty_request SET responded_at = ?, state = CASE WHEN state IN ('NOTIFIED', 'ACKNOWLEDGED') THEN ? ELSE state END WHERE id = ?")
                .params(now(), CounterpartyRequestState.RESPONDED.name(), id).update();
        return responseId;
    }

    /**
     * Keeps one draft per request, the latest saved. Call inside a transaction: the lock on the request row keeps
     * two saves at the same moment from both inserting.
     */
    public void saveDraft(long id, String content) {
        jdbc.sql("SELECT id FROM counterparty_request WHERE id = ? FOR UPDATE").param(id).query(Long.class).single();
        int updated = jdbc.sql("UPDATE response_draft SET saved_at = ?, content = ? WHERE counterparty_request_id = ?")
                .params(now(), content, id).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO response_draft (counterparty_request_id, saved_at, content) VALUES (?, ?, ?)")
                    .params(id, now(), content).update();
        }
    }

    public Optional<Draft> draft(long id) {
        return jdbc.sql("SELECT saved_at, content FROM response_draft WHERE counterparty_request_id = ?").param(id)
                .query((rs, n) -> new Draft(rs.getObject("saved_at", OffsetDateTime.class), rs.getString("content")))
                .optional();
    }

    public void insertFollowUpContact(long id, ContactChannel channel, String note, String recordedBy) {
        jdbc.sql("""
                INSERT INTO follow_up_contact (counterparty_request_id, channel, note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(id, channel.name(), note, recordedBy, now()).update();
    }

    /** Oldest first. */
    public List<FollowUpContact> followUpContacts(long id) {
        return jdbc.sql("SELECT * FROM follow_up_contact WHERE counterparty_request_id = ? ORDER BY id").param(id)
                .query((rs, n) -> new FollowUpContact(ContactChannel.valueOf(rs.getString("channel")), rs.getString("note"),
                        rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    public void close(long id) {
        jdbc.sql("UPDATE counterparty_request SET state = ?, closed_at = ? WHERE id = ?")
                .params(CounterpartyRequestState.CLOSED.name(), now(), id).update();
    }

    /** The outcome in force per target: the one from the latest response that named the target. */
    public Map<Long, TargetOutcome> latestOutcomes(long id) {
        return jdbc.sql(OUTCOME_COLUMNS + """
                 WHERE o.id IN (SELECT MAX(o2.id) FROM target_outcome o2
                                JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                                WHERE r2.counterparty_request_id = ? GROUP BY o2.target_id)""")
                .param(id).query(OUTCOME).list().stream()
                .collect(Collectors.toMap(TargetOutcome::targetId, Function.identity()));
    }

    /** Every outcome ever submitted, newest response first: the counterparty's own history. */
    public List<TargetOutcome> history(long id) {
        return jdbc.sql(OUTCOME_COLUMNS + " WHERE r.counterparty_request_id = ? ORDER BY r.id DESC, o.target_id")
                .param(id).query(OUTCOME).list();
    }

    public boolean allTargetsAnswered(long id) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM target t
                JOIN target_route tr ON tr.target_id = t.id
                JOIN counterparty_request cr ON cr.freeze_request_id = t.freeze_request_id AND cr.counterparty_id = tr.counterparty_id
                WHERE cr.id = ? AND NOT EXISTS (
                    SELECT 1 FROM target_outcome o JOIN counterparty_response r ON r.id = o.counterparty_response_id
                    WHERE r.counterparty_request_id = cr.id AND o.target_id = t.id)""")
                .param(id).query(Integer.class).single() == 0;
    }

    @Override
    public List<CounterpartyRequestSummary> summariesForCase(long caseId) {
        return jdbc.sql("""
                SELECT cr.*, fr.sequence_number, c.name AS counterparty_name,
                       (SELECT COUNT(*) FROM target t JOIN target_route tr ON tr.target_id = t.id
                        WHERE t.freeze_request_id = cr.freeze_request_id AND tr.counterparty_id = cr.counterparty_id) AS target_count,
                       (SELECT COUNT(DISTINCT o.target_id) FROM target_outcome o
                        JOIN counterparty_response r ON r.id = o.counterparty_response_id
                        WHERE r.counterparty_request_id = cr.id) AS answered_count
                FROM counterparty_request cr
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                JOIN counterparty c ON c.id = cr.counterparty_id
                WHERE fr.case_id = ?
                ORDER BY fr.sequence_number, c.name""")
                .param(caseId)
                .query((rs, n) -> new CounterpartyRequestSummary(rs.getLong("id"), rs.getInt("sequence_number"),
                        rs.getString("counterparty_name"), CounterpartyRequestState.valueOf(rs.getString("state")),
                        rs.getObject("notified_at", OffsetDateTime.class), rs.getObject("acknowledged_at", OffsetDateTime.class),
                        rs.getObject("responded_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getInt("target_count"), rs.getInt("answered_count")))
                .list();
    }

    /** The FUNDS_MOVED outcomes in force on a case, oldest first. */
    @Override
    public List<Lead> leadsForCase(long caseId) {
        return jdbc.sql("""
                SELECT o.id, c.name AS counterparty_name, t.chain, t.asset, o.onward_tx_hash, o.onward_address, r.submitted_at,
                       CASE WHEN EXISTS (SELECT 1 FROM target t2 JOIN freeze_request f2 ON f2.id = t2.freeze_request_id
                                         WHERE f2.case_id = fr.case_id AND t2.chain = t.chain AND t2.address = o.onward_address)
                            THEN TRUE ELSE FALSE END AS followed_up
                FROM target_outcome o
                JOIN counterparty_response r ON r.id = o.counterparty_response_id
                JOIN counterparty_request cr ON cr.id = r.counterparty_request_id
                JOIN counterparty c ON c.id = cr.counterparty_id
                JOIN target t ON t.id = o.target_id
                JOIN freeze_request fr ON fr.id = t.freeze_request_id
                WHERE fr.case_id = ? AND o.outcome = 'FUNDS_MOVED' AND r.shared_from_response_id IS NULL
                  AND o.id IN (SELECT MAX(o2.id) FROM target_outcome o2
                               JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                               JOIN counterparty_request cr2 ON cr2.id = r2.counterparty_request_id
                               JOIN freeze_request fr2 ON fr2.id = cr2.freeze_request_id
                               WHERE fr2.case_id = ?
                               GROUP BY r2.counterparty_request_id, o2.target_id)
                ORDER BY o.id""")
                .params(caseId, caseId)
                .query((rs, n) -> new Lead(rs.getLong("id"), rs.getString("counterparty_name"), rs.getString("chain"),
                        rs.getString("asset"), rs.getString("onward_tx_hash"), rs.getString("onward_address"),
                        rs.getObject("submitted_at", OffsetDateTime.class), rs.getBoolean("followed_up")))
                .list();
    }

    /**
     * Frozen amounts per asset over a case, from each counterparty request's outcome in force. An issuer and an
     * exchange can both freeze the same funds at one address, and several requests of the case can ask for the same
     * address (and take one answer for it), so per address the largest amount frozen counts.
     */
    @Override
    public Map<String, BigDecimal> frozenPerAsset(long caseId) {
        return jdbc.sql("""
                SELECT asset, SUM(frozen) AS frozen FROM (
                    SELECT t.asset, t.chain, t.address, MAX(o.frozen_amount) AS frozen
                    FROM target_outcome o
                    JOIN target t ON t.id = o.target_id
                    JOIN freeze_request fr ON fr.id = t.freeze_request_id
                    WHERE fr.case_id = ? AND o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')
                      AND o.id IN (SELECT MAX(o2.id) FROM target_outcome o2
                                   JOIN counterparty_response r2 ON r2.id = o2.counterparty_response_id
                                   JOIN counterparty_request cr2 ON cr2.id = r2.counterparty_request_id
                                   JOIN freeze_request fr2 ON fr2.id = cr2.freeze_request_id
                                   WHERE fr2.case_id = ?
                                   GROUP BY r2.counterparty_request_id, o2.target_id)
                    GROUP BY t.asset, t.chain, t.address) frozen_per_address
                GROUP BY asset""")
                .params(caseId, caseId)
                .query((rs, n) -> Map.entry(rs.getString("asset"), rs.getBigDecimal("frozen")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
