package org.freezedesk.security.internal;

import java.util.Set;

import org.freezedesk.security.Role;

/** A staff account as the admin pages show it; never its password or second-factor secret. */
public record Account(String username, String displayName, String email, String agency, Long legalUnitId, String legalUnit,
        Set<Role> roles, boolean enabled, boolean demo, boolean secondFactorEnrolled,
        boolean onCall) {

    public boolean legalOfficer() {
        return roles.contains(Role.LEGAL);
    }
}
