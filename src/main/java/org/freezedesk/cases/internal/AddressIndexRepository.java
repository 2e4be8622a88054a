package org.freezedesk.cases.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The address index's SQL. Every look-up is one statement whose WHERE clause leaves out the asker's own agency and every
 * undiscoverable case, so an undiscoverable case holding an address changes neither the rows, nor the statements run,
 * nor the work done per row returned: it costs the same index entries as an address nobody holds.
 */
@Repository
class AddressIndexRepository {

    /** One row per matched target: its case, that case's agency, and the state of the target derived in SQL. */
    private static final String MATCH_COLUMNS = """
            SELECT t.chain, t.address, c.id AS case_id, c.agency,
                   CASE WHEN fr.state = 'WITHDRAWN' THEN 'RELEASED'
                        WHEN EXISTS (SELECT 1 FROM target_outcome o
                                     JOIN counterparty_response r ON r.id = o.counterparty_response_id
                                     WHERE o.target_id = t.id AND o.outcome IN ('FROZEN', 'PARTIALLY_FROZEN')
                                       AND NOT EXISTS (SELECT 1 FROM target_outcome later
                                                       JOIN counterparty_response lr ON lr.id = later.counterparty_response_id
                                                       WHERE later.target_id = t.id AND later.id > o.id
                                                         AND lr.counterparty_request_id = r.counterparty_request_id))
                             THEN 'FROZEN'
                        WHEN EXISTS (SELECT 1 FROM target_outcome o WHERE o.target_id = t.id AND o.outcome = 'RELEASED')
                             THEN 'RELEASED'
                        ELSE 'REQUESTED' END AS target_state
            """;

    /** Discoverable cases of other agencies, with requests legal review did not reject. */
    private static final String DISCOVERABLE = """
              AND fr.state <> 'REJECTED'
              AND c.agency <> :agency
              AND NOT EXISTS (SELECT 1 FROM case_partner p WHERE p.case_id = c.id AND p.agency = :agency AND p.state IN ('INVITED', 'ACTIVE'))
              AND NOT EXISTS (SELECT 1 FROM case_discovery d WHERE d.case_id = c.id AND (d.undiscoverable OR d.covert))
              AND NOT EXISTS (SELECT 1 FROM freeze_request hidden WHERE hidden.case_id = c.id AND hidden.do_not_notify)
            """;

    /** The check: parameters addresses, keys (chain:address) and agency. The PostgreSQL test EXPLAINs it. */
    static final String MATCHES = MATCH_COLUMNS + """
            FROM target t
            JOIN freeze_request fr ON fr.id = t.freeze_request_id
            JOIN freeze_case c ON c.id = fr.case_id
            WHERE t.address IN (:addresses)
              AND t.chain || ':' || t.address IN (:keys)
            """ + DISCOVERABLE;

    private static final RowMapper<MatchedTarget> MATCHED = (rs, n) -> new MatchedTarget(rs.getString("chain"),
            rs.getString("address"), rs.getLong("case_id"), rs.getString("agency"), CrossCaseMatch.State.valueOf(rs.getString("target_state")));

    private final JdbcClient jdbc;

    AddressIndexRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A target of another case at one of {@code addresses}: the row, before matches are folded per case. */
    record MatchedTarget(String chain, String address, long caseId, String agency, CrossCaseMatch.State state) {
    }

    /**
     * The targets at {@code keys} (chain and normalized address: the CAIP-10 id) in discoverable cases of agencies other
     * than {@code agency}. The address list is what the index is searched by; the chain is compared on the rows found.
     */
    List<MatchedTarget> matches(Collection<IndexedAddress> keys, String agency) {
        return jdbc.sql(MATCHES)
                .param("addresses", keys.stream().map(IndexedAddress::address).distinct().toList())
                .param("keys", keys.stream().map(IndexedAddress::key).distinct().toList())
                .param("agency", agency)
                .query(MATCHED).list();
    }

    /** The same for every target of the case {@code caseId}, at most {@code limit} rows. */
    List<MatchedTarget> matchesOfCase(long caseId, String agency, int limit) {
        return jdbc.sql(MATCH_COLUMNS + """
                FROM target mine
                JOIN freeze_request mr ON mr.id = mine.freeze_request_id
                JOIN target t ON t.address = mine.address AND t.chain = mine.chain
                JOIN freeze_request fr ON fr.id = t.freeze_request_id
                JOIN freeze_case c ON c.id = fr.case_id
                WHERE mr.case_id = :caseId AND c.id <> :caseId
                """ + DISCOVERABLE + " ORDER BY t.chain, t.address, c.id FETCH FIRST " + limit + " ROWS ONLY")
                .param("caseId", caseId)
                .param("agency", agency)
                .query(MATCHED).list();
    }

    /** The same for the valid lines of a checked import, at most {@code limit} rows. */
    List<MatchedTarget> matchesOfImport(String importId, String agency, int limit) {
        return jdbc.sql(MATCH_COLUMNS + """
                FROM target_import_line mine
                JOIN target t ON t.address = mine.address AND t.chain = mine.chain
                JOIN freeze_request fr ON fr.id = t.freeze_request_id
                JOIN freeze_case c ON c.id = fr.case_id
                WHERE mine.import_id = :importId AND mine.valid
                """ + DISCOVERABLE + " ORDER BY t.chain, t.address, c.id FETCH FIRST " + limit + " ROWS ONLY")
                .param("importId", importId)
                .param("agency", agency)
                .query(MATCHED).list();
    }

    CaseDiscovery discovery(long caseId) {
        boolean doNotNotify = jdbc.sql("SELECT COUNT(*) FROM freeze_request WHERE case_id = ? AND do_not_notify")
                .param(caseId).query(Integer.class).single() > 0;
        return jdbc.sql("SELECT undiscoverable, covert FROM case_discovery WHERE case_id = ?").param(caseId)
                .query((rs, n) -> new CaseDiscovery(rs.getBoolean("undiscoverable"), rs.getBoolean("covert"), doNotNotify))
                .optional().orElse(new CaseDiscovery(false, false, doNotNotify));
    }

    /**
     * Locks the case's row first, so that two nodes saving at once run one after the other: the second updates the row
     * the first inserted. Returns the setting as it was before.
     */
    CaseDiscovery saveDiscovery(long caseId, boolean undiscoverable, boolean covert, String changedBy) {
        jdbc.sql("SELECT id FROM freeze_case WHERE id = ? FOR UPDATE").param(caseId).query(Long.class).single();
        CaseDiscovery before = discovery(caseId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE case_discovery SET undiscoverable = ?, covert = ?, changed_by = ?, changed_at = ? WHERE case_id = ?")
                .params(undiscoverable, covert, changedBy, now, caseId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO case_discovery (case_id, undiscoverable, covert, changed_by, changed_at) VALUES (?, ?, ?, ?, ?)")
                    .params(caseId, undiscoverable, covert, changedBy, now).update();
        }
        return before;
    }

    /** Throws DuplicateKeyException when the agency already asked to join this case. */
    long insertAsk(long caseId, String askingAgency, IndexedAddress about, String reason, String askedBy) {
        jdbc.sql("""
                INSERT INTO join_ask (case_id, asking_agency, chain, address, reason, state, asked_by, asked_at)
                VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(caseId, askingAgency, about.chain().name(), about.address(), reason, askedBy, OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return jdbc.sql("SELECT id FROM join_ask WHERE case_id = ? AND asking_agency = ?").params(caseId, askingAgency)
                .query(Long.class).single();
    }

    private static final String ASK_COLUMNS = """
            SELECT a.id, a.case_id, c.reference, c.agency AS lead_agency, a.asking_agency, a.chain, a.address, a.reason,
                   a.state, a.asked_by, a.asked_at, a.decided_by, a.decided_at
            FROM join_ask a JOIN freeze_case c ON c.id = a.case_id
            """;

    private static final RowMapper<JoinAsk> ASK = (rs, n) -> new JoinAsk(rs.getLong("id"), rs.getLong("case_id"),
            rs.getString("reference"), rs.getString("lead_agency"), rs.getString("asking_agency"), rs.getString("chain"),
            rs.getString("address"), rs.getString("reason"), JoinAsk.State.valueOf(rs.getString("state")), rs.getString("asked_by"),
            rs.getObject("asked_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class));

    Optional<JoinAsk> ask(long id) {
        return jdbc.sql(ASK_COLUMNS + " WHERE a.id = ?").param(id).query(ASK).optional();
    }

    Optional<JoinAsk> ask(long caseId, String askingAgency) {
        return jdbc.sql(ASK_COLUMNS + " WHERE a.case_id = ? AND a.asking_agency = ?").params(caseId, askingAgency).query(ASK).optional();
    }

    List<JoinAsk> asksOnCase(long caseId) {
        return jdbc.sql(ASK_COLUMNS + " WHERE a.case_id = ? ORDER BY a.asked_at, a.id").param(caseId).query(ASK).list();
    }

    List<JoinAsk> asksBy(String askingAgency, int limit) {
        return jdbc.sql(ASK_COLUMNS + " WHERE a.asking_agency = ? ORDER BY a.asked_at DESC, a.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .param(askingAgency).query(ASK).list();
    }

    List<JoinAsk> allAsks(int limit) {
        return jdbc.sql(ASK_COLUMNS + " ORDER BY a.asked_at DESC, a.id DESC FETCH FIRST " + limit + " ROWS ONLY").query(ASK).list();
    }

    /** The open ask of {@code askingAgency} on the case, if any, answered by an invitation; its id when there was one. */
    Optional<Long> invited(long caseId, String askingAgency, String decidedBy) {
        Optional<Long> open = jdbc.sql("SELECT id FROM join_ask WHERE case_id = ? AND asking_agency = ? AND state = 'OPEN'")
                .params(caseId, askingAgency).query(Long.class).optional();
        return open.filter(id -> jdbc.sql("UPDATE join_ask SET state = 'INVITED', decided_by = ?, decided_at = ? WHERE id = ? AND state = 'OPEN'")
                .params(decidedBy, OffsetDateTime.now(ZoneOffset.UTC), id).update() == 1);
    }

    /** False when the ask was no longer open: decided meanwhile, on this node or another. */
    boolean decline(long id, String decidedBy) {
        return jdbc.sql("UPDATE join_ask SET state = 'DECLINED', decided_by = ?, decided_at = ? WHERE id = ? AND state = 'OPEN'")
                .params(decidedBy, OffsetDateTime.now(ZoneOffset.UTC), id).update() == 1;
    }
}
