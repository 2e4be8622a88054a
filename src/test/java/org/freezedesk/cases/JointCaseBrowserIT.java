package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Chrome;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The joint-case pages in a real browser, checked by axe-core: the invitation form (refused, then sent), the invited
 * agency's invitations, and the case page with its partners and figures per agency.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class JointCaseBrowserIT {

    private static final String FIU = "Financial Intelligence Unit";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    private Chrome chrome;

    @BeforeEach
    void startBrowser() {
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
    void theLeadInvitesThePartnerAcceptsAndBothPagesStayAccessible() {
        String reference = new CaseStory(context).file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        chrome.step("the lead's invitation, first without an agreement", () -> {
            chrome.login("agency").open("/cases/" + reference).follow("Invite a partner agency");
            chrome.chooseValue("#agency", FIU).click("input[value=FILE]");
            chrome.submit("main form button.btn-primary");
            assertThat(chrome.find("#agreement").getAttribute("class")).contains("is-invalid");
            chrome.type("#agreement", "MLAT SG-UK 2026/4").submit("main form button.btn-primary");
            assertThat(chrome.text("#partners tr[data-agency='" + FIU + "'] .partner-state")).isEqualTo("INVITED");
            chrome.logout();
        });
        chrome.step("the partner accepts", () -> {
            chrome.login("agency2").open("/cases").follow("Invitations from other agencies");
            chrome.submit("#invitations button.btn-success");
            assertThat(chrome.currentPath()).isEqualTo("/cases/" + reference);
            assertThat(chrome.pageText()).contains("Figures per agency").contains("Leave this case");
            chrome.logout();
        });
        assertThat(chrome.pagesChecked()).hasSizeGreaterThan(5);
        assertThat(chrome.violations()).as("axe-core: serious or critical violations").isEmpty();
    }
}
