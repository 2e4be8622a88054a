package org.freezedesk.cases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.freezedesk.cases.internal.AssetTotal;
import org.freezedesk.cases.internal.TargetRoute;
import org.freezedesk.directory.CounterpartyKind;

/**
 * The targets going to one counterparty, with their amounts summed per asset; the group without a
 * counterparty holds the unattributed targets. A target routed to two counterparties is in both groups.
 */
public record TargetGroup(Long counterpartyId, String counterpartyName, CounterpartyKind kind, List<Target> targets,
        List<AssetTotal> totals) {

    public boolean unattributed() {
        return counterpartyId == null;
    }

    /** Counterparties by name, then the unattributed targets, so that they are never overlooked at the end. */
    public static List<TargetGroup> of(List<Target> targets, Map<Long, List<TargetRoute>> routes) {
        Map<Long, TargetRoute> counterparties = new LinkedHashMap<>();
        Map<Long, List<Target>> byCounterparty = new LinkedHashMap<>();
        List<Target> unattributed = new ArrayList<>();
        for (Target target : targets) {
            List<TargetRoute> targetRoutes = routes.getOrDefault(target.id(), List.of());
            if (targetRoutes.isEmpty()) {
                unattributed.add(target);
            }
            for (TargetRoute route : targetRoutes) {
                counterparties.putIfAbsent(route.counterpartyId(), route);
                byCounterparty.computeIfAbsent(route.counterpartyId(), id -> new ArrayList<>()).add(target);
            }
        }
        List<TargetGroup> groups = new ArrayList<>(byCounterparty.entrySet().stream()
                .map(e -> {
                    TargetRoute route = counterparties.get(e.getKey());
                    return new TargetGroup(e.getKey(), route.counterpartyName(), route.kind(), e.getValue(), totals(e.getValue()));
                })
                .sorted(Comparator.comparing(TargetGroup::counterpartyName))
                .toList());
        if (!unattributed.isEmpty()) {
            groups.add(new TargetGroup(null, null, null, unattributed, totals(unattributed)));
        }
        return groups;
    }

    private static List<AssetTotal> totals(List<Target> targets) {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Integer> allCounts = new TreeMap<>();
        for (Target target : targets) {
            sums.merge(target.asset(), target.amount() == null ? BigDecimal.ZERO : target.amount(), BigDecimal::add);
            allCounts.merge(target.asset(), target.amount() == null ? 1 : 0, Integer::sum);
        }
        return sums.entrySet().stream().map(e -> new AssetTotal(e.getKey(), e.getValue(), allCounts.get(e.getKey()))).toList();
    }
}
