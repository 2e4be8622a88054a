package org.freezedesk.security.internal;

import java.util.Optional;

import org.freezedesk.security.AgencyRegistry;
import org.freezedesk.security.AgencyStanding;
import org.springframework.stereotype.Component;

@Component
class RegisteredAgencies implements AgencyRegistry {

    private final AccountRepository repository;

    RegisteredAgencies(AccountRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<AgencyStanding> standing(String agencyName) {
        return repository.agencyNamed(agencyName).map(Agency::standing);
    }
}
