package org.freezedesk.security.internal;

import java.util.Comparator;
import java.util.List;
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

    @Override
    public List<AgencyStanding> agencies() {
        return repository.agencies().stream().map(Agency::standing).sorted(Comparator.comparing(AgencyStanding::name)).toList();
    }
}
