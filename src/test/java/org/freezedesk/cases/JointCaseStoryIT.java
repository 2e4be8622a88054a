package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Element;

import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.security.Role;
import org.freezedesk.support.Agencies;
import org.freezedesk.support.Browser;
import org.freezedesk.support.Browser.Page;
import org.freezedesk.support.Filings;
import org.freezedesk.support.Keys;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A joint case on PostgreSQL, over HTTP, as the two agencies live it. Agency A (the demo's National Cyber Crime Unit)
 * files a case, reviewed by A's own legal unit, and invites agency B under an MLAT with the FILE scope; B accepts and
 * files its own request under its own legal basis, which A's legal unit cannot review and B's legal unit approves; the
 * case page and the API show which agency filed what; Tether, asked for one address by both, sees each request come from
 * its own agency and answers once, and both requests show it frozen; B leaves and then reads nothing. Each step is a method of its own,
 * so that a story about the counterparties' answers can be told on the same joint case.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
// Stops this context's job executor once done, so it takes no jobs of the PostgreSQL tests that follow.
@DirtiesContext
class JointCaseStoryIT {

    static final String AGENCY_A = "National Cyber Crime Unit";
    static final String AGENCY_B = "Federal Crypto Unit";
    private static final String PASSWORD = "joint case password 1";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationContext context;
    @Autowired AuditLog audit;
    @Autowired ObjectMapper json;

    Browser agencyA;
    Browser agencyB;
    Browser legalA;
    Browser legalB;

    /** Agency B with an investigator, and one legal unit per agency (the demo's central unit serves every agency). */
    @BeforeEach
    void twoAgenciesEachWithItsOwnLegalUnit() {
        if (jdbc.sql("SELECT COUNT(*) FROM agency WHERE name = ?").param(AGENCY_B).query(Integer.class).single() == 0) {
            Agencies.register(jdbc, AGENCY_B, "Germany");
            long unitA = Agencies.legalUnit(jdbc, "Legal of the NCCU", AGENCY_A);
            long unitB = Agencies.legalUnit(jdbc, "Legal of the Federal Crypto Unit", AGENCY_B);
            Agencies.account(jdbc, "b-investigator", encoder.encode(PASSWORD), AGENCY_B, null, EnumSet.of(Role.AGENCY));
            Agencies.account(jdbc, "a-legal", encoder.encode(PASSWORD), null, unitA, EnumSet.of(Role.LEGAL));
            Agencies.account(jdbc, "b-legal", encoder.encode(PASSWORD), null, unitB, EnumSet.of(Role.LEGAL));
        }
        agencyA = new Browser(port).login("agency", "agency");
        agencyB = new Browser(port).login("b-investigator", PASSWORD);
        legalA = new Browser(port).login("a-legal", PASSWORD);
        legalB = new Browser(port).login("b-legal", PASSWORD);
    }

    @Test
    void agencyAInvitesBWhichFilesItsOwnRequestReviewedByItsOwnLegalUnitThenLeavesAndReadsNothing() throws Exception {
        String reference = aFilesACase();
        approve(legalA, reference);

        invite(reference, AGENCY_B, "MLAT DE-UK 2026/17", "FILE");
        assertThat(agencyB.get("/cases/" + reference).status()).as("invited is not a member yet").isEqualTo(404);
        accept(reference);
        assertThat(agencyB.get("/cases").document().select("td a").eachText()).as("B's case list").contains(reference);

        // The address A asked Tether for, and one of B's own: Tether is asked by both agencies for the first.
        bFilesItsOwnRequest(reference, Filings.ETH_ADDRESS, Filings.OKX_ETH_ADDRESS);
        await("B's request in B's legal unit's queue").atMost(PATIENCE).until(() -> reviewLink(legalB, reference) != null);
        String bReview = reviewLink(legalB, reference);
        assertThat(reviewLink(legalA, reference)).as("A's legal unit does not see B's request").isNull();
        assertThat(legalA.get(bReview).status()).as("nor can it open it").isEqualTo(404);
        approve(legalB, reference);

        Page casePage = agencyA.get("/cases/" + reference);
        assertThat(casePage.document().select(".filing-agency").eachText()).containsExactly(AGENCY_A, AGENCY_B);
        assertThat(casePage.document().select("#partners tr[data-agency='" + AGENCY_B + "'] .partner-state").text()).isEqualTo("ACTIVE");
        JsonNode document = api("agency", "/api/v1/cases/" + reference).body();
        assertThat(document.at("/requests/0/agency").asText()).isEqualTo(AGENCY_A);
        assertThat(document.at("/requests/1/agency").asText()).isEqualTo(AGENCY_B);
        assertThat(document.at("/requests/1/legalBasis").asText()).isEqualTo("Geldwäschegesetz § 43");
        tetherAnswersOnceForTheSharedAddress(reference);

        JsonNode figures = api("b-investigator", "/api/v1/cases/" + reference + "/figures").body();
        assertThat(figures.at("/agencies").findValuesAsText("agency")).containsExactly(AGENCY_A, AGENCY_B);
        assertThat(figures.at("/agencies/0/assets/0/requested").asText()).isEqualTo("1000");
        assertThat(figures.at("/agencies/1/assets/0/requested").asText()).isEqualTo("600");
        assertThat(figures.at("/total/0/requested").asText()).as("the shared address once, at A's 1,000").isEqualTo("1300");
        assertThat(figures.at("/agencies/0/assets/0/frozen").asText()).isEqualTo("1000");
        assertThat(figures.at("/agencies/1/assets/0/frozen").asText()).as("B's request took Tether's one answer: all the 300 it asked")
                .isEqualTo("300");
        assertThat(figures.at("/total/0/frozen").asText()).as("frozen once").isEqualTo("1000");

        leave(reference);
        assertThat(agencyB.get("/cases/" + reference).status()).isEqualTo(404);
        assertThat(api("b-investigator", "/api/v1/cases/" + reference).status()).isEqualTo(404);
        assertThat(api("b-investigator", "/api/v1/cases/" + reference + "/figures").status()).isEqualTo(404);
        assertThat(agencyB.get("/cases").document().select("td a").eachText()).doesNotContain(reference);
        assertThat(audit.forCase(reference)).extracting(AuditEvent::action)
                .containsSubsequence("PARTNER_INVITED", "PARTNER_ACCEPTED", "PARTNER_LEFT");
    }

    String aFilesACase() {
        agencyA.get("/cases/new");
        Page filed = agencyA.post("/cases", Map.of(
                "title", "Bridge drain shared with the Federal Crypto Unit",
                "incidentSummary", "Bridge drained; USDT moved through exchanges in two jurisdictions.",
                "legalBasis", "Proceeds of Crime Act, s. 41",
                "urgency", "CRITICAL",
                "targets[0].chain", "ETH",
                "targets[0].asset", "USDT",
                "targets[0].address", Filings.ETH_ADDRESS,
                "targets[0].amount", "1000"));
        assertThat(filed.status()).isEqualTo(302);
        return filed.location().substring(filed.location().lastIndexOf('/') + 1);
    }

    void invite(String reference, String agency, String agreement, String scope) {
        Page form = agencyA.get("/cases/" + reference + "/partners/new?agency=" + agency.replace(" ", "%20"));
        assertThat(form.document().select("#agency option[selected]").val()).isEqualTo(agency);
        assertThat(agencyA.post("/cases/" + reference + "/partners", Map.of("agency", agency, "agreement", agreement, "scope", scope))
                .status()).isEqualTo(302);
    }

    void accept(String reference) {
        Element row = agencyB.get("/invitations").document().select("#invitations tr:has(td:containsOwn(" + reference + "))").first();
        assertThat(row).as("B's invitation into " + reference).isNotNull();
        Page accepted = agencyB.post(row.selectFirst("form[action$=/accept]").attr("action"), Map.of());
        assertThat(accepted.location()).endsWith("/cases/" + reference);
    }

    void bFilesItsOwnRequest(String reference, String... addresses) {
        agencyB.get("/cases/" + reference + "/supplementary");
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "title", "ignored",
                "incidentSummary", "ignored",
                "legalBasis", "Geldwäschegesetz § 43",
                "courtOrderReference", "AG Berlin 2026/88",
                "urgency", "URGENT"));
        for (int i = 0; i < addresses.length; i++) {
            fields.put("targets[" + i + "].chain", "ETH");
            fields.put("targets[" + i + "].asset", "USDT");
            fields.put("targets[" + i + "].address", addresses[i]);
            fields.put("targets[" + i + "].amount", "300");
        }
        assertThat(agencyB.post("/cases/" + reference + "/supplementary", fields).status()).isEqualTo(302);
    }

    /** The case's request waiting in this legal officer's queue, or null. */
    static String reviewLink(Browser legal, String reference) {
        Element link = legal.get("/review").document().selectFirst("a:contains(" + reference + ")");
        return link == null ? null : link.attr("href");
    }

    static void approve(Browser legal, String reference) {
        await().atMost(PATIENCE).until(() -> reviewLink(legal, reference) != null);
        String link = reviewLink(legal, reference);
        legal.get(link);
        assertThat(legal.post(link, Map.of("decision", "APPROVE", "comment", "Basis checked")).status()).isEqualTo(302);
    }

    /**
     * Tether is asked for the shared address by both agencies' requests. Each request names its own agency to Tether,
     * Tether answers once through A's link, and B's request shows the address frozen, answered through A's.
     */
    void tetherAnswersOnceForTheSharedAddress(String reference) throws Exception {
        Map<Integer, String> tokens = new LinkedHashMap<>();
        await("Tether's mail about each request").atMost(PATIENCE).until(() -> {
            tokens.putAll(tetherTokens(reference));
            return tokens.size() == 2;
        });
        JsonNode asA = portal(tokens.get(1), "GET", "/api/v1/portal/request", null).body();
        JsonNode asB = portal(tokens.get(2), "GET", "/api/v1/portal/request", null).body();
        assertThat(asA.at("/requestingAgency/name").asText()).isEqualTo(AGENCY_A);
        assertThat(asB.at("/requestingAgency/name").asText()).as("B's request comes from B").isEqualTo(AGENCY_B);
        assertThat(asB.at("/requestingAgency/jurisdiction").asText()).isEqualTo("Germany");
        assertThat(asB.get("otherRequests").findValuesAsText("askingAgency")).contains(AGENCY_A);
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> TestMail.text(m).contains(tokens.get(2)))
                .map(TestMail::text)).as("the mail (one per Tether contact) names the agency that asks").isNotEmpty()
                .allSatisfy(text -> assertThat(text).contains(AGENCY_B + " asks you to freeze funds").doesNotContain(AGENCY_A + " asks you"));

        long shared = targetAt(asA, Filings.ETH_ADDRESS).get("id").asLong();
        assertThat(portal(tokens.get(1), "POST", "/api/v1/portal/acknowledgement", Map.of("name", "Jo Compliance", "title", "MLRO"))
                .status()).isEqualTo(200);
        assertThat(portal(tokens.get(1), "POST", "/api/v1/portal/responses", Map.of("submittedBy", "Jo Compliance",
                "outcomes", List.of(Map.of("targetId", shared, "outcome", "FROZEN", "frozenAmount", "1000")))).status()).isEqualTo(201);
        await("B's request shows the shared address frozen").atMost(PATIENCE).until(() -> {
            JsonNode outcome = targetAt(portal(tokens.get(2), "GET", "/api/v1/portal/request", null).body(), Filings.ETH_ADDRESS)
                    .get("outcome");
            return outcome != null && "FROZEN".equals(outcome.path("outcome").asText())
                    && (reference + "/1").equals(outcome.path("answeredThrough").asText());
        });
    }

    /** The latest link mailed to Tether's compliance contact per request number of the case. */
    private Map<Integer, String> tetherTokens(String reference) throws Exception {
        Map<Integer, String> tokens = new LinkedHashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            boolean toTether = Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals("compliance@tether.example.org"));
            if (toTether && message.getSubject().contains(reference)) {
                String token = TestMail.portalPath(message).substring("/portal/".length());
                Answer document = portal(token, "GET", "/api/v1/portal/request", null);
                if (document.status() == 200) {
                    tokens.put(document.body().get("requestSequence").asInt(), token);
                }
            }
        }
        return tokens;
    }

    private static JsonNode targetAt(JsonNode document, String address) {
        for (JsonNode target : document.get("targets")) {
            if (target.get("address").asText().equals(address)) {
                return target;
            }
        }
        throw new AssertionError("no target at " + address + " in " + document);
    }

    Answer portal(String token, String method, String path, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body().isBlank() || !response.body().startsWith("{") ? null
                : json.readTree(response.body()));
    }

    void leave(String reference) {
        agencyB.get("/cases/" + reference);
        assertThat(agencyB.post("/cases/" + reference + "/partners/leave", Map.of()).status()).isEqualTo(302);
    }

    record Answer(int status, JsonNode body) {
    }

    Answer api(String username, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + Keys.of(context, username)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.statusCode() == 200 ? json.readTree(response.body()) : null);
    }
}
