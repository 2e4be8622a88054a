package org.freezedesk.security.internal;

import java.util.List;

/** Legal officers reviewing the requests of the agencies listed; an empty list means every agency. */
public record LegalUnit(long id, String name, List<String> servedAgencies, boolean active) {
}
