package org.freezedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.RequestTrust;
import org.freezedesk.counterpartyrequest.Trust;
import org.freezedesk.counterpartyrequest.VerificationCodes;
import org.freezedesk.support.Filings;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A counterparty sees who is asking (agency, jurisdiction, vetting status from the registry) and the request's
 * fingerprint in every mail, on the portal page, in the API document and, given reference and code, on the public
 * verification page; the admin's change of an agency's vetting shows at once. The sanctions tests' database: this
 * test changes an agency of the registry.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:sanctions;DB_CLOSE_DELAY=-1",
        "freezedesk.mail.embedded-smtp.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
        "freezedesk.sanctions.max-bytes=1048576"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
class TrustAtAGlanceTest {

    private static final String NCCU = "National Cyber Crime Unit";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired RequestTrust requestTrust;
    @Autowired VerificationCodes verificationCodes;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired JdbcClient jdbc;
    @Autowired UserDetailsService users;
    @Autowired ObjectMapper json;

    private String reference;
    private CounterpartyRequest circle;
    private String token;

    @BeforeEach
    void circleIsNotified() {
        ApprovedRequests requests = new ApprovedRequests(context);
        reference = requests.notified(Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "250000"));
        circle = requests.counterpartyRequest(reference, "Circle");
        token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Circle");
    }

    @Test
    void theMailThePortalPageAndTheApiShowTheAgencyItsJurisdictionVettingAndTheFingerprint() throws Exception {
        Trust trust = requestTrust.of(circle.id());
        assertThat(trust.fingerprint()).matches("[0-9a-f]{64}");
        assertThat(trust.fingerprintGroups()).matches("([0-9a-f]{4} ){7}[0-9a-f]{4}").isEqualTo(spaced(trust.fingerprint().substring(0, 32)));

        MimeMessage mail = ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Circle").get(0);
        for (String body : List.of(part(mail, "text/plain"), Jsoup.parse(part(mail, "text/html")).text())) {
            assertThat(body).contains("Requesting agency: " + NCCU + ", United Kingdom")
                    .contains("Vetting: Vetted (VETTED), by ")
                    .contains("Request fingerprint: " + trust.fingerprintGroups());
        }

        Document page = portalPage();
        assertThat(page.selectFirst("#trust-agency").text()).isEqualTo(NCCU);
        assertThat(page.selectFirst("#trust-jurisdiction").text()).isEqualTo("United Kingdom");
        assertThat(page.selectFirst("#trust-vetting").text()).startsWith("Vetted (VETTED), by ");
        assertThat(page.selectFirst("#trust-fingerprint").text()).isEqualTo(trust.fingerprintGroups());

        JsonNode agency = json.readTree(send(get("/api/v1/portal/request").header("Authorization", "Bearer " + token)).getContentAsString())
                .get("requestingAgency");
        assertThat(agency.get("name").asText()).isEqualTo(NCCU);
        assertThat(agency.get("registered").asBoolean()).isTrue();
        assertThat(agency.get("jurisdiction").asText()).isEqualTo("United Kingdom");
        assertThat(agency.get("vettingStatus").asText()).isEqualTo("VETTED");
        assertThat(agency.get("vettedBy").asText()).isNotBlank();
        assertThat(agency.get("fingerprint").asText()).isEqualTo(trust.fingerprint());
        assertThat(agency.get("fingerprintGroups").asText()).isEqualTo(trust.fingerprintGroups());
    }

    @Test
    void theVerificationPageShowsTheAgencyAndTheSameFingerprintForAGenuineReferenceAndCodeOnly() throws Exception {
        Document genuine = verify(reference, verificationCodes.codeFor(circle.id()));
        assertThat(genuine.selectFirst("#verdict").text()).startsWith("Genuine.");
        assertThat(genuine.selectFirst("#trust-agency").text()).isEqualTo(NCCU);
        assertThat(genuine.selectFirst("#trust-jurisdiction").text()).isEqualTo("United Kingdom");
        assertThat(genuine.selectFirst("#trust-vetting").text()).startsWith("Vetted (VETTED)");
        assertThat(genuine.selectFirst("#trust-fingerprint").text()).isEqualTo(requestTrust.of(circle.id()).fingerprintGroups());

        Document forged = verify(reference, "2345-6789");
        assertThat(forged.selectFirst("#verdict").text()).startsWith("Not genuine.");
        assertThat(forged.selectFirst("#trust")).isNull();
    }

    @Test
    void theFingerprintChangesWithTheRequestsContentAndOnlyThen() {
        String fingerprint = requestTrust.of(circle.id()).fingerprint();
        assertThat(requestTrust.of(circle.id()).fingerprint()).as("the same content").isEqualTo(fingerprint);

        counterpartyRequests.setDue(circle.id(), circle.dueAt().plusHours(12));
        String extended = requestTrust.of(circle.id()).fingerprint();
        assertThat(extended).as("a moved deadline").isNotEqualTo(fingerprint);
        counterpartyRequests.setDue(circle.id(), circle.dueAt());
        assertThat(requestTrust.of(circle.id()).fingerprint()).isEqualTo(fingerprint);

        String otherAmount = new ApprovedRequests(context).notified(Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "250001"));
        CounterpartyRequest other = new ApprovedRequests(context).counterpartyRequest(otherAmount, "Circle");
        assertThat(requestTrust.of(other.id()).fingerprint()).as("another case with another amount").isNotEqualTo(fingerprint);
    }

    @Test
    void anAgencyTheAdminSuspendsShowsAsSuspendedOnThePortalAndTheChangeIsAudited() throws Exception {
        long nccu = jdbc.sql("SELECT id FROM agency WHERE name = ?").param(NCCU).query(Long.class).single();
        try {
            assertThat(vet(nccu, "SUSPENDED").getStatus()).isEqualTo(302);

            Document page = portalPage();
            assertThat(page.selectFirst("#trust-vetting").text()).startsWith("Suspended (SUSPENDED), by admin on");
            assertThat(page.selectFirst("#trust").hasClass("border-warning")).isTrue();
            assertThat(jdbc.sql("SELECT after_value FROM audit_event WHERE action = 'AGENCY_CHANGED' AND object_id = ? ORDER BY id DESC")
                    .param(String.valueOf(nccu)).query(String.class).list().get(0)).contains("vetting=SUSPENDED");
        } finally {
            vet(nccu, "VETTED");
        }
    }

    private MockHttpServletResponse vet(long agencyId, String status) throws Exception {
        return send(post("/admin/agencies/" + agencyId).param("jurisdiction", "United Kingdom").param("domains", "ncu.example.org")
                .param("vettingStatus", status).param("active", "true").with(user(users.loadUserByUsername("admin"))).with(csrf()));
    }

    private Document portalPage() throws Exception {
        MockHttpServletResponse page = send(get("/portal/" + token));
        assertThat(page.getStatus()).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8));
    }

    private Document verify(String caseReference, String code) throws Exception {
        MockHttpServletResponse page = send(post("/portal/verify").param("reference", caseReference).param("code", code).with(csrf()));
        assertThat(page.getStatus()).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr("10.47.0.1");
            return r;
        })).andReturn().getResponse();
    }

    private static String spaced(String hex) {
        return hex.replaceAll("(.{4})(?!$)", "$1 ");
    }

    /** The decoded text of the message's first part of that type. */
    private static String part(Part message, String type) throws MessagingException, IOException {
        String text = find(message, type);
        assertThat(text).as(type + " part").isNotNull();
        return text;
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
