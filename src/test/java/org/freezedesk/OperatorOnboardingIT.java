package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.support.Browser;
import org.freezedesk.support.Browser.Page;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.freezedesk.support.Totp;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * README.md, "Starting with PostgreSQL: the first agency", step by step: the operator starts the {@code postgres}
 * profile with the environment the README lists, signs in as the bootstrap administrator and sets up a second factor,
 * registers an agency and a legal unit and creates an investigator and a legal officer; each chooses a password
 * through the mailed link and sets up a second factor; the investigator files a case and the legal officer approves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "FREEZEDESK_SMTP_HOST=127.0.0.1",
        "FREEZEDESK_SMTP_AUTH=false",
        "FREEZEDESK_SMTP_STARTTLS=false",
        "FREEZEDESK_BASE_URL=https://freezedesk.example.org",
        "FREEZEDESK_VERIFICATION_KEY=operator-onboarding-verification-key",
        "FREEZEDESK_ADMIN_USERNAME=operator",
        "FREEZEDESK_ADMIN_PASSWORD=first operator password",
        "FREEZEDESK_AUDIT_HMAC_KEY=operator-onboarding-audit-key-of-at-least-32-characters",
        "FREEZEDESK_AUDIT_SIGNING_KEY=MC4CAQAwBQYDK2VwBCIEIN1SLGs1yhcMODo6lOlQk8hmxyccRhKxaFr1jX+q9sTT",
        "FREEZEDESK_AUDIT_VERIFY_KEY=MCowBQYDK2VwAyEAOeoWJqMrbhZouUNRg1NsfBAwD+hRUxinkfSb66xnoGo=",
        "FREEZEDESK_AUDIT_HEAD_DIRECTORY=target/operator-onboarding-heads"})
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = TestMail.Initializer.class)
class OperatorOnboardingIT {

    private static final Pattern PASSWORD_LINK = Pattern.compile("/password-reset/[A-Za-z0-9_-]{43}");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        // An empty database of its own, as an operator starts with, and its own audit key, so the other tests' chain is
        // not signed with two keys. The README's variables, as an operator sets them; FREEZEDESK_DB_USER also names
        // the role the migrations grant to.
        PostgresTestDatabase.newDatabase().forEach((name, value) -> registry.add(switch (name) {
            case "spring.datasource.url" -> "FREEZEDESK_DB_URL";
            case "spring.datasource.username" -> "FREEZEDESK_DB_USER";
            default -> "FREEZEDESK_DB_PASSWORD";
        }, () -> value));
        registry.add("FREEZEDESK_SMTP_PORT", () -> String.valueOf(TestMail.PORT));
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void operatorOnboardsAnAgencyAndItsLegalUnitWhoseAccountsFileAndApproveACaseWithASecondFactor() throws Exception {
        assertThat(jdbc.sql("SELECT demo FROM app_user WHERE username = 'operator'").query(Boolean.class).single())
                .as("the bootstrap administrator is no demo user").isFalse();
        Browser operator = signInFirstTime("operator", "first operator password");

        operator.get("/admin/agencies/new");
        assertThat(operator.post("/admin/agencies", Map.of("name", "Metro Police Cyber Unit", "jurisdiction", "Freedonia",
                "domains", "cyber.metro.example.org", "active", "true")).location()).endsWith("/admin/agencies");
        String agencyId = operator.get("/admin/agencies").document().selectFirst("#agencies a:contains(Metro Police Cyber Unit)")
                .attr("href").replaceAll(".*/", "");

        operator.get("/admin/legal-units/new");
        assertThat(operator.post("/admin/legal-units", Map.of("name", "Prosecution legal unit", "agencyIds", agencyId,
                "active", "true")).location()).endsWith("/admin/agencies");
        String legalUnitId = operator.get("/admin/accounts/new").document()
                .selectFirst("#legalUnitId option:contains(Prosecution legal unit)").val();

        assertThat(operator.post("/admin/accounts", Map.of("username", "investigator", "displayName", "Ines Investigator",
                "email", "ines@gmail.example.com", "roles", "AGENCY", "agency", "Metro Police Cyber Unit")).document()
                .select(".invalid-feedback").text()).as("an address outside the agency's domains is refused")
                .contains("cyber.metro.example.org");
        assertThat(operator.post("/admin/accounts", Map.of("username", "investigator", "displayName", "Ines Investigator",
                "email", "ines@cyber.metro.example.org", "roles", "AGENCY", "agency", "Metro Police Cyber Unit")).location())
                .endsWith("/admin/accounts/investigator");
        operator.get("/admin/accounts/new");
        assertThat(operator.post("/admin/accounts", Map.of("username", "prosecutor", "displayName", "Paul Prosecutor",
                "email", "paul@justice.example.org", "roles", "LEGAL", "legalUnitId", legalUnitId)).location())
                .endsWith("/admin/accounts/prosecutor");

        Browser investigator = signInFirstTime("investigator", choosePassword("ines@cyber.metro.example.org", "ines chose this one"));
        Browser prosecutor = signInFirstTime("prosecutor", choosePassword("paul@justice.example.org", "paul chose that one"));

        investigator.get("/cases/new");
        Page filed = investigator.post("/cases", Map.of(
                "title", "Harmony bridge theft",
                "incidentSummary", "Bridge keys compromised; ETH moved through mixers.",
                "legalBasis", "Proceeds of Crime Act, s. 41",
                "courtOrderReference", "WARRANT-2026-12",
                "urgency", "URGENT",
                "targets[0].chain", "ETH",
                "targets[0].asset", "USDT",
                "targets[0].address", Filings.ETH_ADDRESS,
                "targets[0].amount", "250"));
        assertThat(filed.location()).contains("/cases/FRZ-");
        String reference = filed.location().substring(filed.location().lastIndexOf('/') + 1);

        Element review = prosecutor.get("/review").document().selectFirst("a:contains(" + reference + ")");
        assertThat(review).as("the case is in the legal unit's queue").isNotNull();
        prosecutor.get(review.attr("href"));
        assertThat(prosecutor.post(review.attr("href"), Map.of("decision", "APPROVE", "comment", "Warrant checked")).location())
                .endsWith("/review");

        await().atMost(PATIENCE).until(() -> !List.of("IN_REVIEW").contains(jdbc.sql("""
                SELECT r.state FROM freeze_request r JOIN freeze_case c ON c.id = r.case_id WHERE c.reference = ?""")
                .param(reference).query(String.class).single()));
        assertThat(jdbc.sql("SELECT decided_by FROM legal_decision d JOIN freeze_request r ON r.id = d.freeze_request_id "
                + "JOIN freeze_case c ON c.id = r.case_id WHERE c.reference = ?").param(reference).query(String.class).list())
                .containsExactly("prosecutor");
        assertThat(jdbc.sql("SELECT agency FROM freeze_case WHERE reference = ?").param(reference).query(String.class).single())
                .isEqualTo("Metro Police Cyber Unit");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE action IN ('AGENCY_REGISTERED', 'LEGAL_UNIT_CREATED', "
                + "'ACCOUNT_CREATED', 'SECOND_FACTOR_ENROLLED', 'PASSWORD_CHOSEN')").query(String.class).list())
                .containsOnly("AGENCY_REGISTERED", "LEGAL_UNIT_CREATED", "ACCOUNT_CREATED", "SECOND_FACTOR_ENROLLED",
                        "PASSWORD_CHOSEN").hasSize(1 + 1 + 2 + 3 + 2);
    }

    /** Password, then the second factor set up from the key the page shows, as an authenticator app would. */
    private Browser signInFirstTime(String username, String password) {
        Browser browser = new Browser(port);
        browser.get("/login");
        assertThat(browser.post("/login", Map.of("username", username, "password", password)).location()).endsWith("/login/enrol");
        String secret = browser.get("/login/enrol").document().select("#secret").text();
        Page codes = browser.post("/login/enrol", Map.of("code", Totp.now(secret)));
        assertThat(codes.document().select("#recovery-codes li")).hasSize(10);
        assertThat(browser.get("/").status()).isEqualTo(200);
        return browser;
    }

    private String choosePassword(String email, String password) throws Exception {
        await().atMost(PATIENCE).until(() -> mailTo(email) != null);
        Matcher link = PASSWORD_LINK.matcher(GreenMailUtil.getBody(mailTo(email)));
        assertThat(link.find()).isTrue();
        Browser browser = new Browser(port);
        browser.get(link.group());
        assertThat(browser.post(link.group(), Map.of("password", password, "repeated", password)).location())
                .endsWith("/login?password");
        return password;
    }

    private static MimeMessage mailTo(String email) throws Exception {
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(email)) {
                return message;
            }
        }
        return null;
    }
}
