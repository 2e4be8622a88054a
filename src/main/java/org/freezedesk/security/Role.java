package org.freezedesk.security;

public enum Role {
    AGENCY, LEGAL, AUDITOR, ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
