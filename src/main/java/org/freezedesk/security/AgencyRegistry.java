package org.freezedesk.security;

import java.util.List;
import java.util.Optional;

/** The agency registry as other modules read it. */
public interface AgencyRegistry {

    /** The registered agency of that name; empty for a name the registry does not know. */
    Optional<AgencyStanding> standing(String agencyName);

    /** Every registered agency, by name; inactive ones too, so that callers decide what to offer. */
    List<AgencyStanding> agencies();
}
