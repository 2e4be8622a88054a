package org.freezedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
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
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal from the side of someone who should not get in: wrong, expired, revoked and other counterparties'
 * links, forged posts, guessing. Each test speaks from its own client address, so the limit on failed look-ups of
 * one test never reaches another.
 */
@FreezeDeskTest
class PortalSecurityTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired JdbcClient jdbc;

    private ApprovedRequests requests;
    private String client;
    private String reference;
    private CounterpartyRequest tether;
    private CounterpartyRequest binance;
    private String tetherToken;
    private String binanceToken;

    @BeforeEach
    void twoCounterpartiesNotified() {
        requests = new ApprovedRequests(context);
        client = "10.44.0." + ADDRESSES.incrementAndGet();
        reference = requests.notified(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "2.5"));
        tether = requests.counterpartyRequest(reference, "Tether");
        binance = requests.counterpartyRequest(reference, "Binance");
        tetherToken = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");
        binanceToken = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Binance");
    }

    @Test
    void theLinkFromTheMailOpensItsOwnRequestWithPrivateHeaders() throws Exception {
        MockHttpServletResponse page = send(get("/portal/" + tetherToken));

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(text(page)).contains(reference).contains("Tether").contains(Filings.ETH_ADDRESS);
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aWrongTokenOpensNothingAndRevealsNothing() throws Exception {
        MockHttpServletResponse page = send(get("/portal/" + randomToken()));

        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(text(page)).contains("This link is not valid").doesNotContain(reference).doesNotContain("Tether");
        assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void anExpiredTokenOffersAFreshLinkButNeitherShowsNorChangesTheRequest() throws Exception {
        jdbc.sql("UPDATE counterparty_link SET expires_at = ? WHERE counterparty_request_id = ? AND state = 'ACTIVE'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), tether.id()).update();

        MockHttpServletResponse page = send(get("/portal/" + tetherToken));
        assertThat(page.getStatus()).isEqualTo(410);
        assertThat(text(page)).contains("It has expired").contains("Your e-mail address")
                .doesNotContain(reference).doesNotContain(Filings.ETH_ADDRESS);

        MockHttpServletResponse acknowledged = send(post("/portal/" + tetherToken + "/acknowledge")
                .param("name", "Jo").param("title", "MLRO").with(csrf()));
        assertThat(acknowledged.getStatus()).isEqualTo(410);
        assertThat(counterpartyRequests.find(tether.id()).acknowledged()).isFalse();
    }

    @Test
    void aRevokedTokenStopsWorkingAndTheCasePageSaysSo() throws Exception {
        MockHttpServletResponse revoked = send(post("/cases/" + reference + "/counterparty-requests/" + tether.id() + "/link/revoke")
                .with(user(requests.user("agency"))).with(csrf()));
        assertThat(revoked.getStatus()).isEqualTo(302);

        MockHttpServletResponse page = send(get("/portal/" + tetherToken));
        assertThat(page.getStatus()).isEqualTo(410);
        assertThat(text(page)).contains("The requesting agency withdrew it").doesNotContain(Filings.ETH_ADDRESS);
        Document casePage = Jsoup.parse(send(get("/cases/" + reference).with(user(requests.user("agency")))).getContentAsString());
        assertThat(casePage.select("#counterparty-link-" + tether.id()).text()).contains("revoked");
        assertThat(casePage.select("#counterparty-link-" + binance.id()).text()).contains("works until").contains("Revoke link");
        assertThat(send(get("/portal/" + binanceToken)).getStatus()).as("other links keep working").isEqualTo(200);
    }

    @Test
    void anotherCounterpartysTokenShowsOnlyItsOwnTargetsAndCannotAnswerForOthers() throws Exception {
        MockHttpServletResponse page = send(get("/portal/" + binanceToken));
        assertThat(text(page)).contains(Filings.BINANCE_BTC_ADDRESS).doesNotContain(Filings.ETH_ADDRESS).doesNotContain("Tether");

        send(post("/portal/" + binanceToken + "/acknowledge").param("name", "Kim").param("title", "Head of compliance").with(csrf()));
        long tetherTarget = tetherTarget().id();
        MockHttpServletResponse answer = send(post("/portal/" + binanceToken + "/responses").with(csrf())
                .param("submittedBy", "Kim")
                .param("outcomes[0].targetId", String.valueOf(tetherTarget))
                .param("outcomes[0].outcome", "NO_FUNDS"));

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(text(answer)).contains("This target is not part of your request");
        assertThat(counterpartyRequests.history(binance.id())).isEmpty();
        assertThat(counterpartyRequests.history(tether.id())).isEmpty();
    }

    @Test
    void aPostWithoutCsrfTokenIsRefusedAndStoresNothing() throws Exception {
        MockHttpServletResponse forged = send(post("/portal/" + tetherToken + "/acknowledge").param("name", "Mallory").param("title", "none"));

        assertThat(forged.getStatus()).isEqualTo(403);
        assertThat(counterpartyRequests.find(tether.id()).acknowledged()).isFalse();
    }

    @Test
    void getNeverChangesAnything() throws Exception {
        String before = snapshot();

        send(get("/portal/" + tetherToken));
        send(get("/portal/" + tetherToken));
        send(get("/portal/" + randomToken()));
        send(get("/portal/verify"));

        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void failedLookUpsFromOneAddressAreCutOffWhileOthersGoOn() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send(get("/portal/" + randomToken())).getStatus()).isEqualTo(404);
        }

        MockHttpServletResponse refused = send(get("/portal/" + randomToken()));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(text(refused)).contains("Too many attempts");
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isPositive();
        assertThat(send(get("/portal/" + tetherToken)).getStatus()).as("even a good link, from that address").isEqualTo(429);
        assertThat(send(post("/portal/verify").param("reference", reference).param("code", "AAAA-AAAA").with(csrf())).getStatus())
                .isEqualTo(429);

        client = "10.45.0." + ADDRESSES.incrementAndGet();
        assertThat(send(get("/portal/" + tetherToken)).getStatus()).as("another address").isEqualTo(200);
    }

    @Test
    void failedLookUpsOnRecoveryPagesCountAndThenCloseEveryPortalRoute() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(send(get("/portal/" + randomToken() + "/recoveries")).getStatus()).isEqualTo(404);
        }

        assertThat(send(get("/portal/" + randomToken() + "/recoveries")).getStatus()).isEqualTo(429);
        assertThat(send(get("/portal/" + tetherToken + "/recoveries")).getStatus()).as("a good link's recoveries").isEqualTo(429);
        assertThat(send(get("/portal/" + tetherToken)).getStatus()).as("a good link").isEqualTo(429);
        assertThat(send(get("/api/v1/portal/request").header("Authorization", "Bearer " + tetherToken)).getStatus())
                .as("the portal API").isEqualTo(429);

        client = "10.45.0." + ADDRESSES.incrementAndGet();
        assertThat(send(get("/portal/" + tetherToken + "/recoveries")).getStatus()).as("another address").isEqualTo(200);
    }

    @Test
    void anonymousPagesRunNoInlineScript() throws Exception {
        for (String path : List.of("/login", "/portal/verify", "/portal/" + tetherToken, "/portal/" + tetherToken + "/recoveries",
                "/portal/" + randomToken(), "/")) {
            MockHttpServletResponse page = send(get(path));
            assertThat(page.getHeader("Content-Security-Policy")).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(page.getHeader("Permissions-Policy")).as(path).contains("camera=()");
            Document document = Jsoup.parse(page.getContentAsString());
            assertThat(document.select("script:not([src])")).as(path + ": inline scripts").isEmpty();
            assertThat(document.select("[style], style")).as(path + ": inline styles").isEmpty();
            assertThat(document.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                    .filter(a -> a.getKey().startsWith("on"))).as(path + ": event handler attributes").isEmpty();
        }
    }

    @Test
    void theVerificationPageAnswersGenuineOrNotGenuineAndNothingElse() throws Exception {
        String code = verificationCode(ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Tether").get(0));

        Document genuine = verify(reference, code.toLowerCase());
        assertThat(genuine.select("#verdict").text()).startsWith("Genuine.");
        assertThat(genuine.text()).doesNotContain("Tether").doesNotContain("Bybit").doesNotContain(Filings.ETH_ADDRESS);

        assertThat(verify(reference, "2345-6789").select("#verdict").text()).startsWith("Not genuine.");
        assertThat(verify("FRZ-1999-000001", code).select("#verdict").text()).startsWith("Not genuine.");
        String binanceCode = verificationCode(ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Binance").get(0));
        assertThat(binanceCode).as("each counterparty gets its own code").isNotEqualTo(code);

        Document blank = verify("", "");
        assertThat(blank.select("#verdict")).isEmpty();
        assertThat(blank.select(".invalid-feedback").eachText()).contains(
                "Enter the case reference from the request, such as FRZ-2026-000123",
                "Enter the verification code from the request, such as 7KQ4-M2XD");
    }

    @Test
    void aFreshLinkGoesOnlyToRegisteredContactsAndTheAnswerIsTheSameEitherWay() throws Exception {
        jdbc.sql("UPDATE counterparty_link SET expires_at = ? WHERE counterparty_request_id = ? AND state = 'ACTIVE'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), tether.id()).update();
        int mailsBefore = greenMail.getReceivedMessages().length;

        String strangerMessage = flashMessage(post("/portal/" + tetherToken + "/renewal").param("email", "thief@example.net").with(csrf()));
        requests.executeJobs(reference);
        assertThat(greenMail.getReceivedMessages()).hasSize(mailsBefore);

        String contactMessage = flashMessage(post("/portal/" + tetherToken + "/renewal")
                .param("email", "LE-Liaison@tether.example.org").with(csrf()));
        assertThat(contactMessage.replace("LE-Liaison@tether.example.org", "x")).isEqualTo(strangerMessage.replace("thief@example.net", "x"));

        requests.executeJobs(reference);
        List<MimeMessage> renewals = ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Tether").stream()
                .filter(m -> subject(m).startsWith("New link")).toList();
        assertThat(renewals).hasSize(1);
        assertThat(renewals.get(0).getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("compliance@tether.example.org", "le-liaison@tether.example.org");
        String freshToken = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");
        assertThat(send(get("/portal/" + freshToken)).getStatus()).isEqualTo(200);
        assertThat(send(get("/portal/" + tetherToken)).getStatus()).isEqualTo(410);
    }

    @Test
    void aRenewalRequestNeedsAnEmailAddress() throws Exception {
        jdbc.sql("UPDATE counterparty_link SET state = 'REVOKED' WHERE counterparty_request_id = ? AND state = 'ACTIVE'")
                .param(tether.id()).update();

        MockHttpServletResponse page = send(post("/portal/" + tetherToken + "/renewal").param("email", "not an address").with(csrf()));

        assertThat(page.getStatus()).isEqualTo(410);
        Document document = Jsoup.parse(page.getContentAsString());
        assertThat(document.select("input[name=email]").val()).isEqualTo("not an address");
        assertThat(document.select(".invalid-feedback").text()).isEqualTo("Enter an e-mail address such as compliance@example.com");
    }

    private Target tetherTarget() {
        return cases.targetsRoutedTo(tether.freezeRequestId(), tether.counterpartyId()).get(0);
    }

    private Document verify(String caseReference, String code) throws Exception {
        MockHttpServletResponse page = send(post("/portal/verify").param("reference", caseReference).param("code", code).with(csrf()));
        assertThat(page.getStatus()).isEqualTo(200);
        return Jsoup.parse(page.getContentAsString());
    }

    /** What a change by anyone would leave a trace in: the request rows, their links, responses, and the audit log. */
    private String snapshot() {
        return jdbc.sql("SELECT * FROM counterparty_request WHERE id IN (?, ?) ORDER BY id").params(tether.id(), binance.id())
                .query().listOfRows()
                + "|" + jdbc.sql("SELECT * FROM counterparty_link WHERE counterparty_request_id IN (?, ?) ORDER BY id")
                .params(tether.id(), binance.id()).query().listOfRows()
                + "|" + jdbc.sql("SELECT COUNT(*) FROM counterparty_response WHERE counterparty_request_id IN (?, ?)")
                .params(tether.id(), binance.id()).query(Integer.class).single()
                + "|" + jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE case_reference = ?").param(reference).query(Integer.class).single();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(from(client))).andReturn().getResponse();
    }

    private String flashMessage(MockHttpServletRequestBuilder request) throws Exception {
        return (String) mvc.perform(request.with(from(client))).andReturn().getFlashMap().get("message");
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String text(MockHttpServletResponse page) throws Exception {
        return Jsoup.parse(page.getContentAsString()).text();
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String verificationCode(MimeMessage mail) {
        Matcher matcher = Pattern.compile("Verification code: ([2-9A-Z]{4}-[2-9A-Z]{4})")
                .matcher(GreenMailUtil.getBody(mail));
        assertThat(matcher.find()).as("verification code in the mail").isTrue();
        return matcher.group(1);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
