package org.freezedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** An exchange's own system using its link's token on the JSON API: the same request, the same checks as the forms. */
@FreezeDeskTest
class PortalApiTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired AuditLog audit;

    private ApprovedRequests requests;
    private String client;
    private String reference;
    private CounterpartyRequest circle;
    private String token;
    private Target target;

    @BeforeEach
    void circleAndKrakenNotified() {
        requests = new ApprovedRequests(context);
        client = "10.46.0." + ADDRESSES.incrementAndGet();
        reference = requests.notified(
                Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "250000"),
                Filings.target("ETH", "ETH", Filings.KRAKEN_ETH_ADDRESS, "all"));
        circle = requests.counterpartyRequest(reference, "Circle");
        token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Circle");
        target = cases.targetsRoutedTo(circle.freezeRequestId(), circle.counterpartyId()).get(0);
    }

    @Test
    void theTokenReadsItsOwnRequestAndNothingOfOtherCounterparties() throws Exception {
        MockHttpServletResponse response = send(get("/api/v1/portal/request").header("Authorization", "Bearer " + token));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getCookies()).isEmpty();
        JsonNode request = json.readTree(response.getContentAsString());
        assertThat(request.get("caseReference").asText()).isEqualTo(reference);
        assertThat(request.get("counterparty").asText()).isEqualTo("Circle");
        assertThat(request.get("state").asText()).isEqualTo("NOTIFIED");
        assertThat(request.get("targets")).hasSize(1);
        assertThat(request.get("targets").get(0).get("address").asText()).isEqualTo(Filings.ETH_ADDRESS);
        assertThat(request.get("targets").get(0).get("amount").asText()).isEqualTo("250000");
        assertThat(request.get("targets").get(0).get("decimals").asInt()).isEqualTo(6);
        assertThat(response.getContentAsString()).doesNotContain(Filings.KRAKEN_ETH_ADDRESS).doesNotContain("Kraken");
    }

    @Test
    void withoutAGoodTokenTheApiAnswers401() throws Exception {
        assertThat(send(get("/api/v1/portal/request")).getStatus()).isEqualTo(401);
        assertThat(send(get("/api/v1/portal/request").header("Authorization", "Bearer " + token.substring(1) + "A")).getStatus())
                .isEqualTo(401);
        assertThat(send(get("/api/v1/portal/request").with(user(requests.user("agency")))).getStatus())
                .as("a staff login is no token").isEqualTo(401);

        mvc.perform(post("/cases/" + reference + "/counterparty-requests/" + circle.id() + "/link/revoke")
                .with(user(requests.user("agency"))).with(csrf()));
        MockHttpServletResponse revoked = send(get("/api/v1/portal/request").header("Authorization", "Bearer " + token));
        assertThat(revoked.getStatus()).isEqualTo(401);
        assertThat(json.readTree(revoked.getContentAsString()).get("error").asText()).isEqualTo("link_revoked");
    }

    @Test
    void acknowledgementAndOutcomesArePostedWithoutCsrfAndCheckedLikeTheForm() throws Exception {
        MockHttpServletResponse early = postJson("/api/v1/portal/responses", Map.of("submittedBy", "Sam",
                "outcomes", List.of(Map.of("targetId", target.id(), "outcome", "FROZEN", "frozenAmount", "100"))));
        assertThat(early.getStatus()).isEqualTo(400);
        assertThat(errors(early)).containsEntry("submitterTitle", "Enter your title or function: answering also acknowledges "
                + "receipt (or acknowledge first: POST /api/v1/portal/acknowledgement)");

        MockHttpServletResponse badAcknowledgement = postJson("/api/v1/portal/acknowledgement", Map.of("name", "Sam"));
        assertThat(badAcknowledgement.getStatus()).isEqualTo(400);
        assertThat(errors(badAcknowledgement)).containsEntry("title", "Enter your title or function");

        assertThat(postJson("/api/v1/portal/acknowledgement", Map.of("name", "Sam Lee", "title", "Compliance officer")).getStatus())
                .isEqualTo(200);
        assertThat(counterpartyRequests.find(circle.id()).state()).isEqualTo(CounterpartyRequestState.ACKNOWLEDGED);

        MockHttpServletResponse refused = postJson("/api/v1/portal/responses", Map.of("submittedBy", "Sam Lee",
                "outcomes", List.of(Map.of("targetId", target.id(), "outcome", "PARTIALLY_FROZEN", "frozenAmount", "0.0000001"))));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(errors(refused)).containsEntry("outcomes[0].frozenAmount", "At most 6 decimal places: USDC on Ethereum has 6");
        assertThat(counterpartyRequests.history(circle.id())).isEmpty();

        MockHttpServletResponse accepted = postJson("/api/v1/portal/responses", Map.of("submittedBy", "Sam Lee",
                "outcomes", List.of(Map.of("targetId", target.id(), "outcome", "FROZEN", "frozenAmount", "250000",
                        "internalReference", "CIRCLE-BL-9", "heldUntil", "2031-01-31"))));
        assertThat(accepted.getStatus()).isEqualTo(201);
        JsonNode document = json.readTree(accepted.getContentAsString());
        assertThat(document.get("state").asText()).isEqualTo("CLOSED");
        assertThat(document.get("targets").get(0).get("outcome").get("frozenAmount").asText()).isEqualTo("250000");
        assertThat(document.get("responses")).hasSize(1);
    }

    @Test
    void anAnswerToARequestNobodyAcknowledgedAcknowledgesItInTheSameCall() throws Exception {
        MockHttpServletResponse refused = postJson("/api/v1/portal/responses", Map.of("submittedBy", "Sam Lee",
                "submitterTitle", "Compliance officer",
                "outcomes", List.of(Map.of("targetId", target.id(), "outcome", "PARTIALLY_FROZEN", "frozenAmount", "0.0000001"))));
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(counterpartyRequests.find(circle.id()).acknowledged()).as("a refused answer acknowledges nothing").isFalse();

        MockHttpServletResponse accepted = postJson("/api/v1/portal/responses", Map.of("submittedBy", "Sam Lee",
                "submitterTitle", "Compliance officer",
                "outcomes", List.of(Map.of("targetId", target.id(), "outcome", "FROZEN", "frozenAmount", "250000"))));

        assertThat(accepted.getStatus()).isEqualTo(201);
        JsonNode document = json.readTree(accepted.getContentAsString());
        assertThat(document.get("acknowledgement").get("name").asText()).isEqualTo("Sam Lee");
        assertThat(document.get("acknowledgement").get("title").asText()).isEqualTo("Compliance officer");
        assertThat(document.get("state").asText()).isEqualTo("CLOSED");
        assertThat(document.get("responses").get(0).get("doNotNotifyConfirmed").asBoolean()).isFalse();
        assertThat(audit.forCase(reference).stream().map(AuditEvent::action)).containsSubsequence("ACKNOWLEDGED", "RESPONDED");
    }

    @Test
    void unknownTokensFromOneAddressAreCutOff() throws Exception {
        for (int i = 0; i < 20; i++) {
            send(get("/api/v1/portal/request").header("Authorization", "Bearer " + "x".repeat(43)));
        }

        MockHttpServletResponse refused = send(get("/api/v1/portal/request").header("Authorization", "Bearer " + token));
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(json.readTree(refused.getContentAsString()).get("error").asText()).isEqualTo("too_many_failed_lookups");
    }

    private MockHttpServletResponse postJson(String path, Object body) throws Exception {
        return send(post(path).header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)));
    }

    /** Field name ("" for the request as a whole) to message. */
    private Map<String, String> errors(MockHttpServletResponse response) throws Exception {
        Map<String, String> errors = new LinkedHashMap<>();
        json.readTree(response.getContentAsString()).get("errors")
                .forEach(e -> errors.put(e.get("field").isNull() ? "" : e.get("field").asText(), e.get("message").asText()));
        return errors;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(r -> {
            r.setRemoteAddr(client);
            return r;
        })).andReturn().getResponse();
    }
}
