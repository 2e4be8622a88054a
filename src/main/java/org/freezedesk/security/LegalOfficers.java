package org.freezedesk.security;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The active legal officers, as the emergency lane needs them. Those an admin marked as on call may approve an
 * EMERGENCY request alone (never their own) and are reminded while one waits. Read at each use, so marking someone
 * on or off call takes effect for requests already waiting.
 */
@Service
public class LegalOfficers {

    /** A legal officer, with the address reminders go to. */
    public record LegalOfficer(String username, String displayName, String email) {
    }

    private final JdbcClient jdbc;

    LegalOfficers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the user is an active legal officer marked on call. */
    public boolean isOnCall(String username) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.username = u.username AND r.role = 'LEGAL'
                WHERE u.username = ? AND u.on_call AND u.enabled""").param(username).query(Long.class).single() > 0;
    }

    /** The on-call officers whose legal unit serves the agency (a unit listing no agency serves every agency). */
    public List<LegalOfficer> onCallServing(String agency) {
        return serving(agency, true);
    }

    /** Every active legal officer whose legal unit serves the agency. */
    public List<LegalOfficer> serving(String agency) {
        return serving(agency, false);
    }

    private List<LegalOfficer> serving(String agency, boolean onCallOnly) {
        return jdbc.sql("""
                SELECT u.username, u.display_name, u.email
                FROM app_user u
                JOIN app_user_role r ON r.username = u.username AND r.role = 'LEGAL'
                JOIN legal_unit l ON l.id = u.legal_unit_id AND l.active
                WHERE (u.on_call OR NOT ?) AND u.enabled AND u.email IS NOT NULL
                  AND (NOT EXISTS (SELECT 1 FROM legal_unit_agency s WHERE s.legal_unit_id = l.id)
                       OR EXISTS (SELECT 1 FROM legal_unit_agency s JOIN agency a ON a.id = s.agency_id
                                  WHERE s.legal_unit_id = l.id AND a.name = ?))
                ORDER BY u.username""")
                .params(onCallOnly, agency)
                .query((rs, n) -> new LegalOfficer(rs.getString("username"), rs.getString("display_name"), rs.getString("email")))
                .list();
    }
}
