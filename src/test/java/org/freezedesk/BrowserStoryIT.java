package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.support.Chrome;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole story in a real browser (the system's Chromium), every role in turn, on PostgreSQL with the job
 * executor and a real SMTP server: the agency files (first with mistakes), legal returns it with a comment, the
 * agency amends, legal approves; Tether freezes, Binance reports the funds moved on, OKX declines, each through the
 * link in its own e-mail; the lead becomes a supplementary request; a recovery is confirmed; the case is closed;
 * the auditor reads the timeline, the drawn process diagram and the PDF report. axe-core checks every page visited:
 * no serious or critical violation anywhere. Run on its own: see the README, "Browser tests".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
class BrowserStoryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static final String ONWARD_TX = "a1075db55d416d3ca199f55b6084e2115b9345e16c5cf302fc80e9d5fbf5d48d";
    private static final String RETURN_COMMENT = "Please add the MLAT reference for the exchanges abroad.";
    private static final String DECLINE_REASON = "Needs a letter on agency letterhead";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;

    private Chrome chrome;
    private String reference;

    @BeforeEach
    void startBrowser() {
        // CI (which requires the PostgreSQL tests) requires this one too: there a missing browser fails rather than skips.
        assumeTrue(Chrome.installed() || Boolean.parseBoolean(System.getenv("FREEZEDESK_REQUIRE_POSTGRES")),
                "Chromium and ChromeDriver are not installed (apt-get install chromium chromium-driver)");
        chrome = new Chrome(port);
    }

    @AfterEach
    void closeBrowser() {
        if (chrome != null) {
            chrome.close();
        }
    }

    @Test
    void everyRoleThroughTheWholeStoryOnAccessiblePages() {
        chrome.step("file with errors", () -> {
            chrome.login("agency").open("/cases/new");
            chrome.type("#title", "Bybit cold wallet theft")
                    .type("#incidentSummary", "Cold wallet drained; funds split across exchanges.")
                    .chooseValue("#urgency", "CRITICAL");
            target(0, "ETH", "USDT", Filings.ETH_ADDRESS, "1000");
            target(1, "BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "2.5");
            target(2, "ETH", "ETH", Filings.OKX_ETH_ADDRESS, "not a number");
            chrome.submit("main form button.btn-primary");
            assertThat(chrome.pageText()).contains("The request was not saved");
            assertThat(chrome.find("#legalBasis").getAttribute("class")).contains("is-invalid");
            assertThat(chrome.find("#title").getAttribute("value")).as("what was typed is kept").isEqualTo("Bybit cold wallet theft");
        });
        chrome.step("file corrected", () -> {
            chrome.type("#legalBasis", "Proceeds of Crime Act, s. 41").type("#courtOrderReference", "WARRANT-2026-77");
            chrome.type("[id='targets2.amount']", "10");
            chrome.submit("main form button.btn-primary");
            reference = chrome.currentPath().substring("/cases/".length());
            assertThat(reference).matches("FRZ-\\d{4}-\\d{6}");
            chrome.logout();
        });
        chrome.step("legal returns it", () -> {
            chrome.login("legal").open("/review").follow(reference);
            chrome.click("input[value=RETURN]").type("#comment", RETURN_COMMENT);
            chrome.submit("main form button.btn-primary").logout();
        });
        chrome.step("agency amends", () -> {
            chrome.login("agency").open("/cases/" + reference);
            assertThat(chrome.pageText()).contains(RETURN_COMMENT);
            chrome.follow("Amend it");
            assertThat(chrome.pageText()).contains(RETURN_COMMENT);
            chrome.type("#mlatReference", "MLAT-2026-12").submit("main form button.btn-primary").logout();
        });
        chrome.step("legal approves", () -> approveInReview(1));

        chrome.step("Tether freezes", () -> {
            answer("compliance@tether.example.org");
            chrome.chooseValue("[id='outcomes0.outcome']", "FROZEN")
                    .type("[id='outcomes0.frozenAmount']", "1000")
                    .type("[id='outcomes0.internalReference']", "TETHER-FRZ-77")
                    .date("[id='outcomes0.heldUntil']", "2027-06-30");
            sendAnswer();
        });
        chrome.step("Binance reports the funds moved on", () -> {
            answer(contactOf("Binance"));
            chrome.chooseValue("[id='outcomes0.outcome']", "FUNDS_MOVED")
                    .type("[id='outcomes0.onwardTxHash']", ONWARD_TX)
                    .type("[id='outcomes0.onwardAddress']", Filings.BTC_ADDRESS);
            sendAnswer();
        });
        chrome.step("OKX declines, acknowledging in the same step", () -> {
            openLink(contactOf("OKX"));
            chrome.chooseValue("[id='outcomes0.outcome']", "DECLINED");
            assertThat(chrome.find("[id='outcomes0.frozenAmount']").isDisplayed()).as("only the fields DECLINED needs").isFalse();
            chrome.type("[id='outcomes0.reason']", DECLINE_REASON)
                    .type("#submittedBy", "Jo Compliance").type("#submitterTitle", "MLRO");
            sendAnswer();
            assertThat(chrome.pageText()).contains("Acknowledged by Jo Compliance");
        });

        chrome.step("the case page shows every answer", () -> {
            chrome.login("agency");
            await().atMost(PATIENCE).until(() -> chrome.open("/cases/" + reference).pageText().contains("Mark summary as read"));
            String page = chrome.pageText();
            assertThat(page).contains(DECLINE_REASON).contains(Filings.BTC_ADDRESS).contains("TETHER-FRZ-77");
            chrome.chooseValue("#filter-outcome", "DECLINED").submit("#answer-filters button");
            assertThat(chrome.findAll("#answers table.answers tbody tr")).hasSize(1);
            assertThat(chrome.text("#answers table.answers tbody tr")).contains("Declined").contains(DECLINE_REASON);
            chrome.open("/cases/" + reference);
        });
        chrome.step("the lead becomes a supplementary request", () -> {
            chrome.submit("#leads form button");
            assertThat(chrome.find("[id='targets0.address']").getAttribute("value")).isEqualTo(Filings.BTC_ADDRESS);
            chrome.type("[id='targets0.amount']", "all").submit("main form button.btn-primary").logout();
            approveInReview(2);
        });

        chrome.step("a recovery is instructed and approved", () -> {
            chrome.login("agency").open("/cases/" + reference).follow("File a recovery instruction");
            chrome.chooseValue("#holding", chrome.findAll("#holding option").get(1).getAttribute("value"))
                    .chooseValue("#instrument", "FORFEITURE_ORDER")
                    .type("#instrumentReference", "FO-2026-1")
                    .date("#instrumentDate", "2026-03-01")
                    .click("input[name=method][value=TRANSFER]")
                    .type("#destinationAddress", DESTINATION)
                    .type("#amount", "1000")
                    .submit("main form button.btn-primary").logout();
            chrome.login("legal").open("/review/recoveries").follow(reference);
            chrome.click("input[name=decision][value=APPROVE]").submit("main form button.btn-primary").logout();
        });
        chrome.step("Tether confirms the transfer", () -> {
            String link = await().atMost(PATIENCE).until(() -> latestPortalLink("compliance@tether.example.org", "Recovery instruction"),
                    Optional::isPresent).orElseThrow();
            chrome.open(link + "/recoveries");
            chrome.follow("Forfeiture order");
            chrome.type("#transfer-name", "Jo Compliance").type("#txHash", "0x" + "01".repeat(32))
                    .type("#amount", "1000").date("#transferredOn", "2026-03-05")
                    .submit("#transfer button");
            assertThat(chrome.pageText()).contains("the transfer of 1000 USDT was recorded");
        });

        chrome.step("the case is closed", () -> {
            chrome.login("agency");
            await().atMost(PATIENCE).until(() -> chrome.open("/cases/" + reference).findAll("#recovered tbody tr").size() == 1);
            while (!chrome.findAll("form[action$='/summary'] button").isEmpty()) {
                chrome.submit("form[action$='/summary'] button");
            }
            chrome.follow("Close the case");
            chrome.type("#summary", "1000 USDT recovered; OKX needs a letter, Binance's lead was followed.")
                    .submit("main form button");
            assertThat(chrome.text("#closed")).contains("1000 USDT recovered");
            chrome.logout();
        });

        chrome.step("the auditor reads the timeline, the diagram and the report", () -> {
            chrome.login("auditor").open("/audit/cases").follow(reference);
            assertThat(chrome.pageText()).contains(RETURN_COMMENT);
            chrome.open("/audit/cases/" + reference + "/processes");
            chrome.follow("Freeze request");
            chrome.await("#diagram svg .djs-element");
            assertThat(chrome.findAll("#diagram-error[hidden]")).hasSize(1);
            Map<String, Object> pdf = chrome.fetch("/audit/cases/" + reference + "/report.pdf");
            assertThat(pdf).containsEntry("status", 200L).containsEntry("magic", "%PDF-");
            assertThat((String) pdf.get("type")).startsWith("application/pdf");
        });

        assertThat(chrome.pagesChecked()).hasSizeGreaterThan(20);
        assertThat(chrome.violations()).as("axe-core: serious or critical violations").isEmpty();
    }

    private void target(int row, String chain, String asset, String address, String amount) {
        chrome.chooseValue("[id='targets" + row + ".chain']", chain)
                .type("[id='targets" + row + ".asset']", asset)
                .type("[id='targets" + row + ".address']", address)
                .type("[id='targets" + row + ".amount']", amount);
    }

    private void approveInReview(int sequence) {
        chrome.login("legal").open("/review")
                .follow(By.xpath("//tr[td[2][normalize-space()='" + sequence + "']]/td[1]/a[normalize-space()='" + reference + "']"));
        chrome.click("input[value=APPROVE]").type("#comment", "Warrant checked");
        chrome.submit("main form button.btn-primary").logout();
    }

    /** Opens the counterparty's link from its notification and acknowledges; its single target's form is next. */
    private void answer(String contact) {
        openLink(contact);
        chrome.type("#name", "Jo Compliance").type("#title", "MLRO").submit("form[action$='/acknowledge'] button");
        chrome.type("#submittedBy", "Jo Compliance");
    }

    private void openLink(String contact) {
        String link = await().atMost(PATIENCE).until(() -> latestPortalLink(contact, "Freeze request " + reference), Optional::isPresent)
                .orElseThrow();
        chrome.open(link);
        assertThat(chrome.pageText()).contains(reference);
    }

    private void sendAnswer() {
        chrome.submit("form[action$='/responses'] button.btn-primary");
        assertThat(chrome.find("#history").getText()).contains("Jo Compliance");
    }

    private static String contactOf(String counterparty) {
        return "compliance@" + counterparty.toLowerCase() + ".example.org";
    }

    /** The portal link of the newest mail to {@code recipient} whose subject mentions {@code subjectPart}. */
    private Optional<String> latestPortalLink(String recipient, String subjectPart) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> to(m, recipient) && subject(m).toLowerCase().contains(subjectPart.toLowerCase()))
                .reduce((first, second) -> second)
                .map(TestMail::portalPath);
    }

    private static boolean to(MimeMessage message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }
}
