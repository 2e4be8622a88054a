package org.freezedesk.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.freezedesk.security.Role;
import org.freezedesk.security.VettingStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agencies, legal units and accounts, as the admin manages them. */
@Repository
class AccountRepository {

    private static final String AGENCY = "SELECT id, name, jurisdiction, vetting_status, vetted_by, vetted_at, active FROM agency";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Agency> agencies() {
        Map<Long, List<String>> domains = new TreeMap<>();
        jdbc.sql("SELECT agency_id, domain FROM agency_domain ORDER BY domain").query(rs -> {
            domains.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        return jdbc.sql(AGENCY + " ORDER BY name").query((rs, n) -> agency(rs, domains.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    Optional<Agency> agency(long id) {
        return oneAgency(" WHERE id = ?", id);
    }

    /** Asked for every portal page and mail (the requesting agency's standing): one row, not the whole registry. */
    Optional<Agency> agencyNamed(String name) {
        return oneAgency(" WHERE name = ?", name);
    }

    private Optional<Agency> oneAgency(String where, Object key) {
        return jdbc.sql(AGENCY + where).param(key).query((rs, n) -> agency(rs, List.of())).optional()
                .map(a -> a.withDomains(domainsOf(a.id())));
    }

    private List<String> domainsOf(long agencyId) {
        return jdbc.sql("SELECT domain FROM agency_domain WHERE agency_id = ? ORDER BY domain").param(agencyId).query(String.class).list();
    }

    private static Agency agency(ResultSet rs, List<String> domains) throws SQLException {
        return new Agency(rs.getLong("id"), rs.getString("name"), rs.getString("jurisdiction"), domains,
                VettingStatus.valueOf(rs.getString("vetting_status")), rs.getString("vetted_by"),
                rs.getObject("vetted_at", OffsetDateTime.class), rs.getBoolean("active"));
    }

    /** Inserts the agency unless one of that name exists; returns its id, or empty when the name was taken. */
    Optional<Long> insertAgency(String name, String jurisdiction, Collection<String> domains, VettingStatus vettingStatus, String vettedBy) {
        int inserted = insertUnlessTaken(jdbc.sql("""
                INSERT INTO agency (name, jurisdiction, vetting_status, vetted_by, vetted_at)
                SELECT CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(20)), CAST(? AS VARCHAR(100)),
                       CAST(? AS TIMESTAMP WITH TIME ZONE)
                WHERE NOT EXISTS (SELECT 1 FROM agency WHERE name = ?)""")
                .params(name, jurisdiction, vettingStatus.name(), vettedBy, OffsetDateTime.now(ZoneOffset.UTC), name));
        if (inserted == 0) {
            return Optional.empty();
        }
        long id = jdbc.sql("SELECT id FROM agency WHERE name = ?").param(name).query(Long.class).single();
        replaceDomains(id, domains);
        return Optional.of(id);
    }

    void updateAgency(long id, String jurisdiction, Collection<String> domains, VettingStatus vettingStatus, boolean active, String vettedBy) {
        jdbc.sql("UPDATE agency SET jurisdiction = ?, vetting_status = ?, active = ?, vetted_by = ?, vetted_at = ? WHERE id = ?")
                .params(jurisdiction, vettingStatus.name(), active, vettedBy, OffsetDateTime.now(ZoneOffset.UTC), id).update();
        replaceDomains(id, domains);
    }

    private void replaceDomains(long agencyId, Collection<String> domains) {
        jdbc.sql("DELETE FROM agency_domain WHERE agency_id = ?").param(agencyId).update();
        for (String domain : domains) {
            jdbc.sql("INSERT INTO agency_domain (agency_id, domain) VALUES (?, ?)").params(agencyId, domain).update();
        }
    }

    List<LegalUnit> legalUnits() {
        Map<Long, List<String>> served = new TreeMap<>();
        jdbc.sql("SELECT s.legal_unit_id, a.name FROM legal_unit_agency s JOIN agency a ON a.id = s.agency_id ORDER BY a.name")
                .query(rs -> {
                    served.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("SELECT id, name, active FROM legal_unit ORDER BY name")
                .query((rs, n) -> new LegalUnit(rs.getLong("id"), rs.getString("name"),
                        served.getOrDefault(rs.getLong("id"), List.of()), rs.getBoolean("active")))
                .list();
    }

    Optional<LegalUnit> legalUnit(long id) {
        return legalUnits().stream().filter(u -> u.id() == id).findFirst();
    }

    Optional<LegalUnit> legalUnitNamed(String name) {
        return legalUnits().stream().filter(u -> u.name().equals(name)).findFirst();
    }

    Optional<Long> insertLegalUnit(String name, Collection<Long> agencyIds) {
        int inserted = insertUnlessTaken(jdbc.sql("""
                INSERT INTO legal_unit (name) SELECT CAST(? AS VARCHAR(200)) WHERE NOT EXISTS (SELECT 1 FROM legal_unit WHERE name = ?)""")
                .params(name, name));
        if (inserted == 0) {
            return Optional.empty();
        }
        long id = jdbc.sql("SELECT id FROM legal_unit WHERE name = ?").param(name).query(Long.class).single();
        updateLegalUnit(id, agencyIds, true);
        return Optional.of(id);
    }

    void updateLegalUnit(long id, Collection<Long> agencyIds, boolean active) {
        jdbc.sql("UPDATE legal_unit SET active = ? WHERE id = ?").params(active, id).update();
        jdbc.sql("DELETE FROM legal_unit_agency WHERE legal_unit_id = ?").param(id).update();
        for (long agencyId : agencyIds) {
            jdbc.sql("INSERT INTO legal_unit_agency (legal_unit_id, agency_id) VALUES (?, ?)").params(id, agencyId).update();
        }
    }

    List<Account> accounts() {
        Map<String, Set<Role>> roles = new TreeMap<>();
        jdbc.sql("SELECT username, role FROM app_user_role").query(rs -> {
            roles.computeIfAbsent(rs.getString(1), u -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
        });
        return jdbc.sql("""
                SELECT u.username, u.display_name, u.email, u.agency, u.legal_unit_id, l.name AS legal_unit, u.enabled, u.demo,
                       u.totp_enrolled_at, u.on_call
                FROM app_user u LEFT JOIN legal_unit l ON l.id = u.legal_unit_id ORDER BY u.username""")
                .query((rs, n) -> new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                        rs.getString("agency"), (Long) rs.getObject("legal_unit_id", Long.class), rs.getString("legal_unit"),
                        roles.getOrDefault(rs.getString("username"), EnumSet.noneOf(Role.class)), rs.getBoolean("enabled"),
                        rs.getBoolean("demo"), rs.getObject("totp_enrolled_at") != null, rs.getBoolean("on_call")))
                .list();
    }

    Optional<Account> account(String username) {
        return accounts().stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /** Inserts the account unless the user name is taken; returns whether it did. */
    boolean insertAccount(String username, String passwordHash, String displayName, String email, String agency, Long legalUnitId,
            Set<Role> roles, boolean demo) {
        int inserted = insertUnlessTaken(jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, email, agency, legal_unit_id, demo)
                SELECT CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(320)),
                       CAST(? AS VARCHAR(200)), CAST(? AS BIGINT), CAST(? AS BOOLEAN)
                WHERE NOT EXISTS (SELECT 1 FROM app_user WHERE username = ?)""")
                .params(username, passwordHash, displayName, email, agency, legalUnitId, demo, username));
        if (inserted == 0) {
            return false;
        }
        replaceRoles(username, roles);
        return true;
    }

    /**
     * Runs a guarded insert; the guard misses a twin inserted at the same moment by another request, whose unique key
     * then refuses this one, which counts as taken (and ends the transaction, as PostgreSQL would anyway).
     */
    private static int insertUnlessTaken(JdbcClient.StatementSpec insert) {
        try {
            return insert.update();
        } catch (DuplicateKeyException twin) {
            return 0;
        }
    }

    void updateAccount(String username, String displayName, String email, String agency, Long legalUnitId, Set<Role> roles) {
        jdbc.sql("UPDATE app_user SET display_name = ?, email = ?, agency = ?, legal_unit_id = ? WHERE username = ?")
                .params(displayName, email, agency, legalUnitId, username).update();
        replaceRoles(username, roles);
    }

    private void replaceRoles(String username, Set<Role> roles) {
        jdbc.sql("DELETE FROM app_user_role WHERE username = ?").param(username).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
        }
    }

    void setEnabled(String username, boolean enabled) {
        jdbc.sql("UPDATE app_user SET enabled = ? WHERE username = ?").params(enabled, username).update();
    }

    void setOnCall(String username, boolean onCall) {
        jdbc.sql("UPDATE app_user SET on_call = ? WHERE username = ?").params(onCall, username).update();
    }

    void setPasswordHash(String username, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(passwordHash, username).update();
    }

    /** For demo accounts created before this column existed. */
    void markDemo(String username) {
        jdbc.sql("UPDATE app_user SET demo = TRUE WHERE username = ?").param(username).update();
    }
}
