package org.freezedesk.security;

import java.util.Optional;

/** The agency registry as other modules read it. */
public interface AgencyRegistry {

    /** The registered agency of that name; empty for a name the registry does not know. */
    Optional<AgencyStanding> standing(String agencyName);
}
