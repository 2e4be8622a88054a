package org.freezedesk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.MeterRegistry;

import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.stats.internal.StatsMetrics;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Four cases with known amounts and times, each asking Tether (1000 USDT) and Binance (2 BTC). The dashboard,
 * the API and the metrics must show exactly what follows from them.
 */
@FreezeDeskTest
class DashboardFiguresTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final OffsetDateTime NOTIFIED = OffsetDateTime.of(2026, 1, 10, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final int[] TETHER_ACK_MINUTES = {10, 20, 30, 40};
    private static final int[] TETHER_FREEZE_HOURS = {1, 2, 3, 10};
    private static final String[] TETHER_FROZEN = {"1000", "1000", "500", "250"};
    private static final int[] BINANCE_ACK_MINUTES = {5, 15, 60};
    private static final int[] BINANCE_FREEZE_HOURS = {4, 6};

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired StatsMetrics metrics;
    @Autowired MeterRegistry registry;

    private final List<String> references = new ArrayList<>();

    @BeforeEach
    void fourCases() {
        RecoveryStory story = new RecoveryStory(context);
        for (int i = 0; i < 4; i++) {
            String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                    Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "2"));
            references.add(reference);
            story.approve(reference);
            CounterpartyRequest tether = story.counterpartyRequest(reference, "Tether");
            CounterpartyRequest binance = story.counterpartyRequest(reference, "Binance");
            story.acknowledge(reference, "Tether");
            story.respond(reference, "Tether", i < 2 ? Outcome.FROZEN : Outcome.PARTIALLY_FROZEN, TETHER_FROZEN[i], null);
            setTimes(tether.id(), NOTIFIED, minutes(TETHER_ACK_MINUTES[i]), Duration.ofHours(TETHER_FREEZE_HOURS[i]));
            if (i < 3) {
                story.acknowledge(reference, "Binance");
            }
            if (i < 2) {
                story.respond(reference, "Binance", Outcome.FROZEN, "2", null);
            }
            setTimes(binance.id(), i < 3 ? NOTIFIED : OffsetDateTime.now(ZoneOffset.UTC).minusDays(30),
                    i < 3 ? minutes(BINANCE_ACK_MINUTES[i]) : null, i < 2 ? Duration.ofHours(BINANCE_FREEZE_HOURS[i]) : null);
        }
        RecoveryInstruction instruction = story.instructAndApprove(references.get(0), "Tether", "600",
                "0x52908400098527886E0F7030069857D2E4169EE7");
        story.confirmTransfer(instruction, "0x" + "ef".repeat(32), "600");
    }

    @Test
    void dashboardShowsAmountsSharesAndPercentilesOfTheCases() throws Exception {
        Document page = Jsoup.parse(mvc.perform(scoped(get("/stats")).with(user(new RecoveryStory(context).staff("auditor"))))
                .andReturn().getResponse().getContentAsString());

        assertThat(page.select("#assets tbody tr").eachText()).containsExactly(
                "BTC 8 4 0 50.0 % 0.0 %",
                "USDT 4,000 2,750 600 68.8 % 15.0 %");
        assertThat(page.select("#counterparties tbody tr").eachText()).containsExactly(
                "Binance 4 2 15m 51m 5h 0m 5h 48m",
                "Tether 4 0 25m 37m 2h 30m 7h 54m");
        assertThat(page.select("#overdue").text()).isEqualTo("2");
        assertThat(page.select("script[src*=chart.umd.js]")).hasSize(1);
        assertThat(page.select("canvas.asset-chart")).as("one chart per asset, each on its own scale")
                .extracting(c -> c.attr("data-asset")).containsExactly("BTC", "USDT");
    }

    @Test
    void apiGivesTheSameFiguresExactly() throws Exception {
        JsonNode stats = new ObjectMapper().readTree(mvc.perform(scoped(get("/api/v1/stats")).with(bearerOf(context, "agency")))
                .andReturn().getResponse().getContentAsString());

        assertThat(stats.get("cases").asInt()).isEqualTo(4);
        JsonNode usdt = stats.get("assets").get(1);
        assertThat(usdt.get("asset").asText()).isEqualTo("USDT");
        assertThat(usdt.get("frozen").asText()).isEqualTo("2750");
        assertThat(usdt.get("recoveredPercent").asText()).isEqualTo("15.0");
        JsonNode tether = stats.get("counterparties").get(1);
        assertThat(tether.get("freezeMedianSeconds").asLong()).isEqualTo(Duration.ofMinutes(150).toSeconds());
        assertThat(tether.get("freezeP90Seconds").asLong()).isEqualTo(Duration.ofMinutes(474).toSeconds());
        assertThat(tether.get("acknowledgeP90Seconds").asLong()).isEqualTo(Duration.ofMinutes(37).toSeconds());
    }

    /** Spring Boot tests export no metrics, so the scrape itself is checked by hand; its access rules are checked here. */
    @Test
    void metricsCarryTheFiguresAndOnlyAdminsMayScrapeThem() throws Exception {
        metrics.refresh();

        assertThat(registry.find("freezedesk.recovered.amount").tag("asset", "USDT").gauge().value()).isGreaterThanOrEqualTo(600);
        assertThat(registry.find("freezedesk.time.to.freeze").tags("counterparty", "Tether", "quantile", "0.9").gauge()).isNotNull();
        assertThat(registry.find("freezedesk.counterparty.requests.overdue").gauge().value()).isGreaterThanOrEqualTo(2);
        assertThat(mvc.perform(get("/actuator/prometheus").with(bearerOf(context, "auditor"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    private MockHttpServletRequestBuilder scoped(MockHttpServletRequestBuilder request) {
        references.forEach(r -> request.param("case", r));
        return request;
    }

    private void setTimes(long counterpartyRequestId, OffsetDateTime notifiedAt, Duration toAcknowledge, Duration toFreeze) {
        jdbc.sql("UPDATE counterparty_request SET notified_at = ?, acknowledged_at = ? WHERE id = ?")
                .params(notifiedAt, toAcknowledge == null ? null : notifiedAt.plus(toAcknowledge), counterpartyRequestId).update();
        if (toFreeze != null) {
            jdbc.sql("UPDATE counterparty_response SET submitted_at = ? WHERE counterparty_request_id = ?")
                    .params(notifiedAt.plus(toFreeze), counterpartyRequestId).update();
        }
    }

    private static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }
}
