package org.freezedesk.sanctions;

import java.util.List;
import java.util.Map;

/** The hits of the addresses screened, against {@code list}; an address without hits has no key. */
public record Screening(SanctionsList list, Map<ScreenedAddress, List<SanctionsHit>> hits) {

    public List<SanctionsHit> hitsOf(ScreenedAddress address) {
        return hits.getOrDefault(address, List.of());
    }
}
