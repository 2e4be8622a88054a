package org.freezedesk.counterpartyrequest;

import org.freezedesk.security.AgencyStanding;

/**
 * The requesting agency ({@code standing} null when the registry does not know its name, which a counterparty should
 * treat as a warning) and the request's content fingerprint, a SHA-256 in hex.
 */
public record Trust(String agencyName, AgencyStanding standing, String fingerprint) {

    private static final int GROUPS = 8;
    private static final int GROUP_LENGTH = 4;

    /** The first 128 bits of the fingerprint in 8 groups of 4 hex digits, to read out and compare, such as {@code 3f2a 91c0 …}. */
    public String fingerprintGroups() {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i > 0) {
                groups.append(' ');
            }
            groups.append(fingerprint, i * GROUP_LENGTH, (i + 1) * GROUP_LENGTH);
        }
        return groups.toString();
    }

    public boolean registered() {
        return standing != null;
    }

    /** One line for mails and pages, such as "Vetted by admin on 2026-11-02", or why not to rely on it. */
    public String vettingText() {
        if (standing == null) {
            return "NOT in FreezeDesk's agency registry: confirm with the agency by another channel before acting";
        }
        String vetted = standing.vettingStatus().label() + " (" + standing.vettingStatus() + "), by " + standing.vettedBy() + " on "
                + standing.vettedAt().toLocalDate();
        return standing.active() ? vetted : vetted + "; the agency is deactivated";
    }
}
