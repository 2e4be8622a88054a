package org.freezedesk.cases;

import java.util.List;

import org.freezedesk.cases.internal.AssetTotal;
import org.freezedesk.directory.CounterpartyKind;

/** Where a request's targets go, counted in the database: one line per counterparty, and one for the unattributed. */
public record RoutingLine(Long counterpartyId, String counterpartyName, CounterpartyKind kind, int targetCount, List<AssetTotal> totals) {

    public boolean unattributed() {
        return counterpartyId == null;
    }
}
