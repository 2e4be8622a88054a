package org.freezedesk.stats.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;

/** Figures over the cases a user may see, or over the cases they name. */
@Service
public class StatsService {

    private static final int MEDIAN = 50;
    private static final int P90 = 90;

    private final StatsRepository stats;
    private final FreezeCaseService freezeCaseService;

    StatsService(StatsRepository stats, FreezeCaseService freezeCaseService) {
        this.stats = stats;
        this.freezeCaseService = freezeCaseService;
    }

    /** With no references, every case the user may see; otherwise those cases, each checked like its page. */
    public Figures figures(StaffUser user, List<String> references) {
        if (references != null && !references.isEmpty()) {
            return figures(StatsScope.of(references.stream().map(r -> freezeCaseService.visibleCase(r, user).id()).toList()));
        }
        // A legal officer sees the figures of the agencies its unit serves, like their cases (CasePermissions).
        if (user.has(Role.AUDITOR)) {
            return figures(StatsScope.ALL);
        }
        return figures(StatsScope.of(freezeCaseService.visibleCases(user).stream().map(FreezeCase::id).toList()));
    }

    Figures figures(StatsScope scope) {
        List<StatsRepository.CounterpartyRequestTimes> requests = stats.counterpartyRequests(scope);
        List<CounterpartyFigures> counterparties = counterpartyFigures(requests);
        return new Figures(stats.caseCount(scope), assetFigures(scope), counterparties,
                counterparties.stream().mapToInt(CounterpartyFigures::overdue).sum());
    }

    private List<AssetFigures> assetFigures(StatsScope scope) {
        Map<String, Object[]> requested = stats.requested(scope);
        Map<String, BigDecimal> frozen = stats.frozen(scope);
        Map<String, BigDecimal> recovered = stats.recovered(scope);
        TreeSet<String> assets = new TreeSet<>(requested.keySet());
        assets.addAll(frozen.keySet());
        assets.addAll(recovered.keySet());
        List<AssetFigures> figures = new ArrayList<>();
        for (String asset : assets) {
            Object[] row = requested.get(asset);
            figures.add(new AssetFigures(asset, row == null ? BigDecimal.ZERO : (BigDecimal) row[1], row == null ? 0 : (Integer) row[2],
                    frozen.getOrDefault(asset, BigDecimal.ZERO), recovered.getOrDefault(asset, BigDecimal.ZERO)));
        }
        return figures;
    }

    private static List<CounterpartyFigures> counterpartyFigures(List<StatsRepository.CounterpartyRequestTimes> requests) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Map<String, List<StatsRepository.CounterpartyRequestTimes>> byCounterparty = new LinkedHashMap<>();
        requests.forEach(r -> byCounterparty.computeIfAbsent(r.counterparty(), k -> new ArrayList<>()).add(r));
        List<CounterpartyFigures> figures = new ArrayList<>();
        byCounterparty.forEach((name, list) -> {
            List<Duration> toAcknowledge = new ArrayList<>();
            List<Duration> toFreeze = new ArrayList<>();
            int overdue = 0;
            for (StatsRepository.CounterpartyRequestTimes r : list) {
                if (r.notifiedAt() != null && r.acknowledgedAt() != null) {
                    toAcknowledge.add(Duration.between(r.notifiedAt(), r.acknowledgedAt()));
                }
                if (r.notifiedAt() != null && r.firstFrozenAt() != null) {
                    toFreeze.add(Duration.between(r.notifiedAt(), r.firstFrozenAt()));
                }
                if (overdue(r, now)) {
                    overdue++;
                }
            }
            figures.add(new CounterpartyFigures(name, list.size(), overdue, toAcknowledge.size(), Percentiles.of(toAcknowledge, MEDIAN),
                    Percentiles.of(toAcknowledge, P90), toFreeze.size(), Percentiles.of(toFreeze, MEDIAN), Percentiles.of(toFreeze, P90)));
        });
        return figures;
    }

    /** Not answered for every target past its SLA, whether or not the escalation has marked it yet. */
    private static boolean overdue(StatsRepository.CounterpartyRequestTimes r, OffsetDateTime now) {
        if ("OVERDUE".equals(r.state())) {
            return true;
        }
        boolean waiting = "NOTIFIED".equals(r.state()) || "ACKNOWLEDGED".equals(r.state());
        return waiting && r.notifiedAt() != null && r.notifiedAt().plusHours(r.slaHours()).isBefore(now);
    }
}
