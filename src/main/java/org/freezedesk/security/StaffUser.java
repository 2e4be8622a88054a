package org.freezedesk.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A logged-in staff member; the agency decides which cases an investigator may see. */
public class StaffUser extends User {

    private final String displayName;
    private final String agency;
    private final Set<Role> roles;

    public StaffUser(String username, String passwordHash, boolean enabled, String displayName, String agency, Set<Role> roles) {
        super(username, passwordHash, enabled, true, true, true, authorities(roles));
        this.displayName = displayName;
        this.agency = agency;
        this.roles = Set.copyOf(roles);
    }

    private static Collection<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getAgency() {
        return agency;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
