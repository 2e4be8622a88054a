package org.freezedesk.stats.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The figures across all cases as Prometheus gauges, recomputed on a schedule rather than per scrape so a
 * scraper never runs the dashboard's queries. Gauges are floating point by nature; the exact amounts are
 * in {@code /api/v1/stats}.
 */
@Configuration
@EnableScheduling
public class StatsMetrics {

    private final StatsService statsService;
    private final MultiGauge requested;
    private final MultiGauge frozen;
    private final MultiGauge recovered;
    private final MultiGauge timeToAcknowledge;
    private final MultiGauge timeToFreeze;
    private final AtomicInteger overdue = new AtomicInteger();
    private final AtomicInteger cases = new AtomicInteger();

    StatsMetrics(StatsService statsService, MeterRegistry registry) {
        this.statsService = statsService;
        requested = MultiGauge.builder("freezedesk.requested.amount").description("Amount requested to freeze, per asset").register(registry);
        frozen = MultiGauge.builder("freezedesk.frozen.amount").description("Amount reported frozen, per asset").register(registry);
        recovered = MultiGauge.builder("freezedesk.recovered.amount").description("Amount confirmed recovered, per asset").register(registry);
        timeToAcknowledge = MultiGauge.builder("freezedesk.time.to.acknowledge").baseUnit("seconds")
                .description("Time from notification to acknowledgement, per counterparty and quantile").register(registry);
        timeToFreeze = MultiGauge.builder("freezedesk.time.to.freeze").baseUnit("seconds")
                .description("Time from notification to the first freeze reported, per counterparty and quantile").register(registry);
        Gauge.builder("freezedesk.counterparty.requests.overdue", overdue, AtomicInteger::get)
                .description("Counterparty requests past their response SLA").register(registry);
        Gauge.builder("freezedesk.cases", cases, AtomicInteger::get).description("Cases filed").register(registry);
    }

    @Scheduled(fixedDelayString = "${freezedesk.stats.metrics-refresh}", initialDelayString = "${freezedesk.stats.metrics-refresh}")
    public void refresh() {
        Figures figures = statsService.figures(StatsScope.ALL);
        cases.set(figures.cases());
        overdue.set(figures.overdue());
        requested.register(figures.assets().stream().map(a -> MultiGauge.Row.of(Tags.of("asset", a.asset()), a.requested())).toList(), true);
        frozen.register(figures.assets().stream().map(a -> MultiGauge.Row.of(Tags.of("asset", a.asset()), a.frozen())).toList(), true);
        recovered.register(figures.assets().stream().map(a -> MultiGauge.Row.of(Tags.of("asset", a.asset()), a.recovered())).toList(), true);
        List<MultiGauge.Row<?>> acknowledge = new ArrayList<>();
        List<MultiGauge.Row<?>> freeze = new ArrayList<>();
        for (CounterpartyFigures c : figures.counterparties()) {
            addQuantile(acknowledge, c.counterparty(), "0.5", c.acknowledgeMedian());
            addQuantile(acknowledge, c.counterparty(), "0.9", c.acknowledgeP90());
            addQuantile(freeze, c.counterparty(), "0.5", c.freezeMedian());
            addQuantile(freeze, c.counterparty(), "0.9", c.freezeP90());
        }
        timeToAcknowledge.register(acknowledge, true);
        timeToFreeze.register(freeze, true);
    }

    private static void addQuantile(List<MultiGauge.Row<?>> rows, String counterparty, String quantile, Duration value) {
        if (value != null) {
            rows.add(MultiGauge.Row.of(Tags.of("counterparty", counterparty, "quantile", quantile), value.toSeconds()));
        }
    }
}
