package org.freezedesk.stats.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/** The JSON form of {@link Figures}: exact amounts as strings, so no client reads them as floating point. */
record StatsDocument(int cases, int overdue, List<Asset> assets, List<Counterparty> counterparties) {

    record Asset(String asset, String requested, int requestedAllCount, String frozen, String recovered, String frozenPercent,
            String recoveredPercent) {
    }

    record Counterparty(String counterparty, int requests, int overdue, int acknowledged, Long acknowledgeMedianSeconds,
            Long acknowledgeP90Seconds, int frozen, Long freezeMedianSeconds, Long freezeP90Seconds) {
    }

    static StatsDocument of(Figures figures) {
        return new StatsDocument(figures.cases(), figures.overdue(),
                figures.assets().stream().map(a -> new Asset(a.asset(), plain(a.requested()), a.requestedAllCount(), plain(a.frozen()),
                        plain(a.recovered()), percent(a.frozenShare()), percent(a.recoveredShare()))).toList(),
                figures.counterparties().stream().map(c -> new Counterparty(c.counterparty(), c.requests(), c.overdue(), c.acknowledged(),
                        seconds(c.acknowledgeMedian()), seconds(c.acknowledgeP90()), c.frozen(), seconds(c.freezeMedian()),
                        seconds(c.freezeP90()))).toList());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }

    /** Percentages keep their one decimal, so 15.0 reads as rounded, not as exact. */
    private static String percent(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
