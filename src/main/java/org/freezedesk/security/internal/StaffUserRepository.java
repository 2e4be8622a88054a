package org.freezedesk.security.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class StaffUserRepository implements UserDetailsService {

    private final JdbcClient jdbc;

    public StaffUserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account of a deactivated agency or legal unit cannot sign in, whatever its own flag says. */
    @Override
    public StaffUser loadUserByUsername(String username) {
        List<String> roleNames = jdbc.sql("SELECT role FROM app_user_role WHERE username = ?")
                .param(username).query(String.class).list();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roleNames.forEach(r -> roles.add(Role.valueOf(r)));
        Set<String> served = new HashSet<>(jdbc.sql("""
                SELECT a.name FROM app_user u JOIN legal_unit_agency s ON s.legal_unit_id = u.legal_unit_id
                JOIN agency a ON a.id = s.agency_id WHERE u.username = ?""").param(username).query(String.class).list());
        return jdbc.sql("""
                SELECT u.username, u.password_hash, u.display_name, u.agency, u.demo,
                       u.enabled AND COALESCE(a.active, TRUE) AND COALESCE(l.active, TRUE) AS usable
                FROM app_user u LEFT JOIN agency a ON a.name = u.agency LEFT JOIN legal_unit l ON l.id = u.legal_unit_id
                WHERE u.username = ?""")
                .param(username)
                .query((rs, n) -> new StaffUser(rs.getString("username"), rs.getString("password_hash"),
                        rs.getBoolean("usable"), rs.getString("display_name"), rs.getString("agency"), roles, served,
                        rs.getBoolean("demo")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param(username).query(Integer.class).single() > 0;
    }

    @Transactional
    public void create(String username, String passwordHash, String displayName, String agency, Set<Role> roles) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, agency) VALUES (?, ?, ?, ?)")
                .params(username, passwordHash, displayName, agency).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
        }
    }
}
