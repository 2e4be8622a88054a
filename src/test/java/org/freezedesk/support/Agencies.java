package org.freezedesk.support;

import java.util.Set;

import org.freezedesk.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Agencies, legal units and accounts beyond the demo's, for tests of joint cases and of who reviews what. */
public final class Agencies {

    private Agencies() {
    }

    /** A vetted, active agency in the registry. */
    public static void register(JdbcClient jdbc, String name, String jurisdiction) {
        jdbc.sql("INSERT INTO agency (name, jurisdiction, vetted_by, vetted_at) VALUES (?, ?, 'test', CURRENT_TIMESTAMP)")
                .params(name, jurisdiction).update();
    }

    /** A legal unit serving only the agencies named; answers its id. */
    public static long legalUnit(JdbcClient jdbc, String name, String... servedAgencies) {
        jdbc.sql("INSERT INTO legal_unit (name) VALUES (?)").param(name).update();
        long unit = jdbc.sql("SELECT id FROM legal_unit WHERE name = ?").param(name).query(Long.class).single();
        for (String agency : servedAgencies) {
            jdbc.sql("INSERT INTO legal_unit_agency (legal_unit_id, agency_id) SELECT ?, id FROM agency WHERE name = ?")
                    .params(unit, agency).update();
        }
        return unit;
    }

    /**
     * An account stored as a demo user (it signs in without a second factor), with {@code passwordHash} as given:
     * tests that only load the user pass any text.
     */
    public static void account(JdbcClient jdbc, String username, String passwordHash, String agency, Long legalUnit, Set<Role> roles) {
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, agency, legal_unit_id, email, demo)
                VALUES (?, ?, ?, ?, ?, ?, TRUE)""")
                .params(username, passwordHash, username, agency, legalUnit, username + "@example.org").update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
        }
    }
}
