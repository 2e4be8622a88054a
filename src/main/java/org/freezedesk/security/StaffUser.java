package org.freezedesk.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A logged-in staff member. The agency decides which cases an investigator may see and change; the agencies its
 * legal unit serves decide which requests a legal officer reviews (none listed: every agency).
 */
public class StaffUser extends User {

    private final String displayName;
    private final String agency;
    private final Set<Role> roles;
    private final Set<String> servedAgencies;
    private final boolean demo;

    public StaffUser(String username, String passwordHash, boolean enabled, String displayName, String agency, Set<Role> roles) {
        this(username, passwordHash, enabled, displayName, agency, roles, Set.of(), true);
    }

    public StaffUser(String username, String passwordHash, boolean enabled, String displayName, String agency, Set<Role> roles,
            Set<String> servedAgencies, boolean demo) {
        super(username, passwordHash, enabled, true, true, true, authorities(roles));
        this.displayName = displayName;
        this.agency = agency;
        this.roles = Set.copyOf(roles);
        this.servedAgencies = Set.copyOf(servedAgencies);
        this.demo = demo;
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

    /** Whether this user, as a legal officer, reviews the requests of {@code agencyName}. */
    public boolean reviewsFor(String agencyName) {
        return has(Role.LEGAL) && (servedAgencies.isEmpty() || servedAgencies.contains(agencyName));
    }

    /** The agencies this legal officer's unit serves; empty means every agency. */
    public Set<String> getServedAgencies() {
        return servedAgencies;
    }

    /** Demo users, created only with {@code freezedesk.demo.enabled}, sign in without a second factor. */
    public boolean isDemo() {
        return demo;
    }
}
