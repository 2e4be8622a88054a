package org.freezedesk.stats.internal;

import java.util.List;

/** The figures over a set of cases: per asset, per counterparty, and what is overdue. */
public record Figures(int cases, List<AssetFigures> assets, List<CounterpartyFigures> counterparties, int overdue) {
}
