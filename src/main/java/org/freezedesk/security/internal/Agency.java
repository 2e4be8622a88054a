package org.freezedesk.security.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A vetted investigating agency: its accounts must use one of its verified e-mail domains. */
public record Agency(long id, String name, String jurisdiction, List<String> domains, String vettedBy, OffsetDateTime vettedAt,
        boolean active) {

    public boolean verifies(String email) {
        int at = email.lastIndexOf('@');
        return at > 0 && domains.contains(email.substring(at + 1).toLowerCase(java.util.Locale.ROOT));
    }
}
