package org.freezedesk.security.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.freezedesk.security.AgencyStanding;
import org.freezedesk.security.VettingStatus;

/** A vetted investigating agency: its accounts must use one of its verified e-mail domains. */
public record Agency(long id, String name, String jurisdiction, List<String> domains, VettingStatus vettingStatus, String vettedBy,
        OffsetDateTime vettedAt, boolean active) {

    public boolean verifies(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
    }

    Agency withDomains(List<String> verifiedDomains) {
        return new Agency(id, name, jurisdiction, verifiedDomains, vettingStatus, vettedBy, vettedAt, active);
    }

    AgencyStanding standing() {
        return new AgencyStanding(name, jurisdiction, vettingStatus, vettedBy, vettedAt, active);
    }
}
