package org.freezedesk.sanctions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freezedesk.sanctions.internal.MatchKeys;
import org.freezedesk.sanctions.internal.SanctionsRepository;
import org.springframework.stereotype.Service;

/**
 * Screens addresses against the SDN list in force. Addresses are compared as FreezeDesk normalizes them: on any EVM
 * chain whatever the letter case (an EVM address is the same holder on every EVM chain, and OFAC lists it once,
 * under ETH or a token), elsewhere exactly, except that bech32 Bitcoin addresses ignore case.
 */
@Service
public class SanctionsScreening {

    private final SanctionsRepository repository;

    SanctionsScreening(SanctionsRepository repository) {
        this.repository = repository;
    }

    /** The list in force; empty until one was imported. */
    public Optional<SanctionsList> currentList() {
        return repository.currentList();
    }

    /** Empty when no list was imported yet: nothing could be screened. */
    public Optional<Screening> screen(Collection<ScreenedAddress> addresses) {
        Optional<SanctionsList> list = repository.currentList();
        if (list.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<SanctionsHit>> listed = repository.hitsByMatchKey(list.get().id());
        Map<ScreenedAddress, List<SanctionsHit>> hits = new HashMap<>();
        for (ScreenedAddress address : addresses) {
            MatchKeys.of(address.chain(), address.address()).map(listed::get)
                    .ifPresent(found -> hits.computeIfAbsent(address, a -> new ArrayList<>()).addAll(found));
        }
        return Optional.of(new Screening(list.get(), hits));
    }
}
