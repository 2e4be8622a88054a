package org.freezedesk.cases.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.freezedesk.cases.CasePartner;
import org.freezedesk.cases.PartnerScope;
import org.freezedesk.cases.PartnerState;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQL for the partners of joint cases. Every change is one conditional UPDATE on the state it starts from, so that two
 * answers at once (two nodes, a double click) change the row once and the other learns it is no longer open.
 */
@Repository
public class CasePartnerRepository {

    private static final String SELECT = """
            SELECT p.*, c.reference, c.agency AS lead_agency FROM case_partner p JOIN freeze_case c ON c.id = p.case_id""";

    private static final RowMapper<CasePartner> PARTNER = (rs, n) -> new CasePartner(rs.getLong("id"), rs.getLong("case_id"),
            rs.getString("reference"), rs.getString("lead_agency"), rs.getString("agency"), rs.getString("agreement"),
            PartnerScope.valueOf(rs.getString("scope")), PartnerState.valueOf(rs.getString("state")), rs.getString("invited_by"),
            rs.getObject("invited_at", OffsetDateTime.class), rs.getString("answered_by"),
            rs.getObject("answered_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    CasePartnerRepository(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Invites the agency, or invites it again after it declined, left or was removed; empty when it is invited or a
     * member already. The unique key (case, agency) decides between concurrent invitations: the losers' insert waits for
     * the winner's commit, fails inside a savepoint (PostgreSQL would otherwise abort the whole transaction), and finds
     * the row no longer open to an invitation.
     */
    public Optional<CasePartner> invite(long caseId, String agency, String agreement, PartnerScope scope, String invitedBy) {
        OffsetDateTime now = now();
        int reinvited = jdbc.sql("""
                UPDATE case_partner SET agreement = ?, scope = ?, state = 'INVITED', invited_by = ?, invited_at = ?,
                       answered_by = NULL, answered_at = NULL
                WHERE case_id = ? AND agency = ? AND state IN ('DECLINED', 'LEFT', 'REMOVED')""")
                .params(agreement, scope.name(), invitedBy, now, caseId, agency).update();
        if (reinvited == 0) {
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO case_partner (case_id, agency, agreement, scope, state, invited_by, invited_at)
                        VALUES (?, ?, ?, ?, 'INVITED', ?, ?)""")
                        .params(caseId, agency, agreement, scope.name(), invitedBy, now).update());
            } catch (DuplicateKeyException invitedMeanwhile) {
                return Optional.empty();
            }
        }
        return find(caseId, agency);
    }

    public Optional<CasePartner> find(long caseId, String agency) {
        return jdbc.sql(SELECT + " WHERE p.case_id = ? AND p.agency = ?").params(caseId, agency).query(PARTNER).optional();
    }

    public Optional<CasePartner> find(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(PARTNER).optional();
    }

    /** Every agency ever invited into the case, in the order invited. */
    public List<CasePartner> ofCase(long caseId) {
        return jdbc.sql(SELECT + " WHERE p.case_id = ? ORDER BY p.id").param(caseId).query(PARTNER).list();
    }

    /** The invitations waiting for the agency's answer, oldest first. */
    public List<CasePartner> invitationsOf(String agency) {
        return jdbc.sql(SELECT + " WHERE p.agency = ? AND p.state = 'INVITED' ORDER BY p.id").param(agency).query(PARTNER).list();
    }

    public boolean isActive(long caseId, String agency) {
        return activeScope(caseId, agency).isPresent();
    }

    public Optional<PartnerScope> activeScope(long caseId, String agency) {
        return jdbc.sql("SELECT scope FROM case_partner WHERE case_id = ? AND agency = ? AND state = 'ACTIVE'")
                .params(caseId, agency).query(String.class).optional().map(PartnerScope::valueOf);
    }

    /** Whether any agency was ever a partner of the case (a joint case shows its figures per agency). */
    public boolean everJoined(long caseId) {
        return jdbc.sql("SELECT COUNT(*) FROM case_partner WHERE case_id = ? AND state IN ('ACTIVE', 'LEFT', 'REMOVED')")
                .param(caseId).query(Integer.class).single() > 0;
    }

    /** Moves the row from one of {@code from} to {@code to}, recording who answered; false when it was not in one of them. */
    public boolean answer(long id, PartnerState to, String by, PartnerState... from) {
        return jdbc.sql("UPDATE case_partner SET state = :to, answered_by = :by, answered_at = :at WHERE id = :id AND state IN (:from)")
                .param("to", to.name()).param("by", by).param("at", now()).param("id", id)
                .param("from", Arrays.stream(from).map(Enum::name).toList()).update() == 1;
    }

    /** Changes the scope of an invited or active partner; false when it is neither. */
    public boolean changeScope(long id, PartnerScope scope) {
        return jdbc.sql("UPDATE case_partner SET scope = ? WHERE id = ? AND state IN ('INVITED', 'ACTIVE')")
                .params(scope.name(), id).update() == 1;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
