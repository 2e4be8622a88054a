package org.freezedesk.cases.internal;

import java.util.List;

/** The valid lines of an import going to one counterparty, or to nobody when {@code counterparty} is null. */
public record ImportGroup(String counterparty, int targets, List<AssetTotal> totals) {
}
