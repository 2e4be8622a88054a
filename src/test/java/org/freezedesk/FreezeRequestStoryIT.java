package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.support.Browser;
import org.freezedesk.support.Browser.Page;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole story on PostgreSQL, over HTTP, as the people involved would live it: the agency files, legal
 * approves, the counterparty gets an e-mail from a real SMTP server, opens its link, acknowledges and
 * confirms, and the case shows what was frozen. The job executor runs, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
// Stops this context's job executor once done, so it takes no jobs of the PostgreSQL tests that follow.
@DirtiesContext
class FreezeRequestStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired CounterpartyRepository counterparties;
    @Autowired HistoryService historyService;

    @Test
    void agencyFilesLegalApprovesCounterpartyConfirmsAndTheCaseShowsWhatWasFrozen() throws Exception {
        Browser agency = new Browser(port).login("agency", "agency");
        agency.get("/cases/new");
        Page filed = agency.post("/cases", Map.of(
                "title", "Bybit cold wallet theft",
                "incidentSummary", "Cold wallet drained; USDT bridged to Ethereum.",
                "legalBasis", "Proceeds of Crime Act, s. 41",
                "courtOrderReference", "WARRANT-2026-77",
                "urgency", "CRITICAL",
                "targets[0].chain", "ETH",
                "targets[0].asset", "USDT",
                "targets[0].address", Filings.ETH_ADDRESS.toLowerCase(),
                "targets[0].amount", "1000.5"));
        assertThat(filed.status()).isEqualTo(302);
        String reference = filed.location().substring(filed.location().lastIndexOf('/') + 1);
        assertThat(reference).matches("FRZ-\\d{4}-\\d{6}");

        Browser legal = new Browser(port).login("legal", "legal");
        Element review = legal.get("/review").document().selectFirst("a:contains(" + reference + ")");
        assertThat(review).as("the request is in the legal review queue").isNotNull();
        legal.get(review.attr("href"));
        assertThat(legal.post(review.attr("href"), Map.of("decision", "APPROVE", "comment", "Warrant checked")).status()).isEqualTo(302);

        await().atMost(PATIENCE).until(() -> greenMail.getReceivedMessages().length >= 2);
        // The mail leaves inside the notification job, just before its transaction records the link.
        await().atMost(PATIENCE).until(() -> notified(agency, reference));
        MimeMessage notification = greenMail.getReceivedMessages()[0];
        assertThat(notification.getSubject()).contains(reference).contains("Tether");
        assertThat(notification.getAllRecipients()).extracting(Object::toString).contains("compliance@tether.example.org");
        String link = TestMail.portalPath(notification);

        Browser counterparty = new Browser(port);
        Page portal = counterparty.get(link);
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.document().text()).contains(reference).contains(Filings.ETH_ADDRESS);
        assertThat(counterparty.post(link + "/acknowledge", Map.of("name", "Jo Compliance", "title", "MLRO")).status()).isEqualTo(302);
        String targetId = counterparty.get(link).document().selectFirst("input[name='outcomes[0].targetId']").val();
        Page responded = counterparty.post(link + "/responses", Map.of(
                "submittedBy", "Jo Compliance",
                "outcomes[0].targetId", targetId,
                "outcomes[0].outcome", "PARTIALLY_FROZEN",
                "outcomes[0].frozenAmount", "600.125",
                "outcomes[0].internalReference", "TETHER-FRZ-77",
                "outcomes[0].heldUntil", "2026-12-31"));
        assertThat(responded.status()).isEqualTo(302);

        await().atMost(PATIENCE).until(() -> agency.get("/cases/" + reference).document().text().contains("Mark summary as read"));
        Page casePage = agency.get("/cases/" + reference);
        List<String> usdt = casePage.document().select("#totals tbody tr").stream()
                .filter(row -> row.child(0).text().equals("USDT")).findFirst().orElseThrow()
                .children().eachText();
        assertThat(usdt).containsExactly("USDT", "1,000.5", "600.125");
        assertThat(casePage.document().select("#counterparty-requests tbody tr").text()).contains("Tether").contains("CLOSED");

        assertThat(agency.post("/cases/" + reference + "/requests/1/summary", Map.of()).status()).isEqualTo(302);
        List<HistoricProcessInstance> processes = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).list();
        assertThat(processes).extracting(HistoricProcessInstance::getProcessDefinitionKey)
                .containsExactlyInAnyOrder("freeze-request", "counterparty-request", "freeze-hold");
        // The freeze is held until 2026-12-31, so its lapse is still watched after the request itself is done.
        assertThat(processes).filteredOn(p -> !p.getProcessDefinitionKey().equals("freeze-hold"))
                .allSatisfy(p -> assertThat(p.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED));
    }

    /** The case page shows the counterparty request with its notification date instead of "mail pending". */
    private static boolean notified(Browser agency, String reference) {
        String rows = agency.get("/cases/" + reference).document().select("#counterparty-requests tbody tr").text();
        return rows.contains("Tether") && !rows.contains("mail pending");
    }
}
