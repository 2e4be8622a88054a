package org.freezedesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CasePartner;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.JointCases;
import org.freezedesk.cases.PartnerScope;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.security.CounterpartyClient;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.freezedesk.webhook.WebhookReceiver.Received;
import org.freezedesk.webhook.internal.WebhookSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A case from filing to recovery with three subscribers: the owning agency, Tether's system and another agency. Each
 * event reaches whom it concerns with a signature that verifies by the Standard Webhooks rules, and nobody else;
 * deliveries sent while the receiver answers 503 arrive later with the same id.
 */
@FreezeDeskTest
class WebhookDeliveryTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final String ALL_TYPES = """
            ["request.approved", "counterparty.notified", "counterparty.acknowledged", "counterparty.answered", "lead.reported",
             "request.completed", "hold.lapsing", "recovery.confirmed"]""";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired WebhookSender sender;
    @Autowired CounterpartyRequestService counterpartyRequestService;
    @Autowired CaseRepository cases;
    @Autowired JointCases jointCases;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        // The application is shared with other test classes: their cases must not be delivered to receivers gone.
        jdbc.sql("DELETE FROM webhook_subscription").update();
    }

    @Test
    void everyEventReachesWhomItConcernsSignedAndAfterTheReceiverWasDown() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        long tether = story.counterparty("Tether");
        long circle = story.counterparty("Circle");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonNode agencySubscription = subscribe(user(story.staff("agency")), receiver.url("/agency"), ALL_TYPES);
            JsonNode tetherSubscription = subscribe(counterpartyClient(tether), receiver.url("/tether"), ALL_TYPES);
            JsonNode otherAgency = subscribe(user(story.staff("agency2")), receiver.url("/other-agency"), ALL_TYPES);
            JsonNode circleOnlyApprovals = subscribe(counterpartyClient(circle), receiver.url("/circle"), "[\"recovery.confirmed\"]");
            assertThat(agencySubscription.get("secret").asText()).startsWith("whsec_");
            assertThat(secretBytes(agencySubscription.get("secret").asText())).isGreaterThanOrEqualTo(24);

            receiver.answer(503);
            Instant start = Instant.now();
            String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                    Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "500"));
            story.approve(reference);
            story.awaitListenersOfEventsSince(start);
            sender.sendDue();
            assertThat(receiver.received).as("tried while down").isNotEmpty().allMatch(r -> r.answered() == 503);
            assertThat(pendingDeliveries()).as("nothing given up").isPositive();

            receiver.answer(204);
            ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(60)));
            sender.sendDue();
            for (Received down : receiver.received.stream().filter(r -> r.answered() == 503).toList()) {
                assertThat(receiver.received).as("delivered later with the same id: " + down.id())
                        .anyMatch(r -> r.id().equals(down.id()) && r.answered() == 204 && r.body().equals(down.body()));
            }
            ClockUtil.reset();

            story.acknowledge(reference, "Tether");
            story.respond(reference, "Tether", Outcome.FROZEN, "1000", LocalDate.now(ZoneOffset.UTC).plusDays(30));
            reportFundsMoved(story, reference, "Circle");
            RecoveryInstruction instruction = story.instructAndApprove(reference, "Tether", "400", Filings.KRAKEN_ETH_ADDRESS);
            Instant confirmed = Instant.now();
            story.confirmTransfer(instruction, "0x" + "ab".repeat(32), "400");
            story.awaitListenersOfEventsSince(confirmed);

            Instant warned = Instant.now();
            ClockUtil.setCurrentTime(Date.from(LocalDate.now(ZoneOffset.UTC).plusDays(24).atStartOfDay().toInstant(ZoneOffset.UTC)));
            story.runJobs(reference);
            story.awaitListenersOfEventsSince(warned);
            sender.sendDue();

            Map<String, Set<String>> delivered = deliveredTypes(receiver);
            assertThat(delivered.get("/agency")).containsExactlyInAnyOrder("request.approved", "counterparty.notified",
                    "counterparty.acknowledged", "counterparty.answered", "lead.reported", "request.completed", "hold.lapsing",
                    "recovery.confirmed");
            assertThat(delivered.get("/tether")).as("only what concerns Tether").containsExactlyInAnyOrder("counterparty.notified",
                    "counterparty.acknowledged", "counterparty.answered", "hold.lapsing", "recovery.confirmed");
            assertThat(receiver.at("/tether")).allSatisfy(r -> {
                JsonNode data = json.readTree(r.body()).get("data");
                assertThat(data.get("counterpartyId").asLong()).isEqualTo(tether);
                assertThat(data.get("caseReference").asText()).isEqualTo(reference);
            });
            assertThat(receiver.at("/agency")).as("Circle's lead reaches the agency").anySatisfy(r -> {
                JsonNode payload = json.readTree(r.body());
                assertThat(payload.get("type").asText()).isEqualTo("lead.reported");
                assertThat(payload.get("timestamp").asText()).isNotBlank();
                assertThat(payload.get("data").get("counterpartyId").asLong()).isEqualTo(circle);
                assertThat(payload.get("data").get("leads").get(0).get("onwardAddress").asText()).isEqualTo(Filings.OKX_ETH_ADDRESS);
            });
            assertThat(receiver.at("/other-agency")).as("another agency hears nothing of this case").isEmpty();
            assertThat(receiver.at("/circle")).as("Circle asked for recovery confirmations only, and had none").isEmpty();

            for (Received r : receiver.received) {
                String secret = switch (r.path()) {
                    case "/agency" -> agencySubscription.get("secret").asText();
                    case "/tether" -> tetherSubscription.get("secret").asText();
                    default -> otherAgency.get("secret").asText();
                };
                assertThat(WebhookReceiver.verifies(secret, r)).as("signature of " + r.id()).isTrue();
                assertThat(WebhookReceiver.verifies(tetherSubscription.get("secret").asText(), r))
                        .as("signed with its own subscription's secret only").isEqualTo(r.path().equals("/tether"));
            }
            assertThat(receiver.received.stream().filter(r -> r.answered() == 204).map(Received::id).distinct().count())
                    .as("each delivery delivered once").isEqualTo(receiver.received.stream().filter(r -> r.answered() == 204).count());

            JsonNode log = json.readTree(mvc.perform(get("/api/v1/webhooks/" + agencySubscription.get("id").asLong() + "/deliveries")
                    .with(user(story.staff("agency")))).andReturn().getResponse().getContentAsString());
            assertThat(log.get("items")).hasSize(receiver.at("/agency").stream().map(Received::id).collect(Collectors.toSet()).size());
            JsonNode retried = null;
            for (JsonNode item : log.get("items")) {
                assertThat(item.get("state").asText()).isEqualTo("DELIVERED");
                assertThat(item.get("lastStatusCode").asInt()).isEqualTo(204);
                assertThat(item.get("deliveredAt").isNull()).isFalse();
                if (item.get("attempts").asInt() > 1) {
                    retried = item;
                }
            }
            assertThat(retried).as("the log shows the attempts made while the receiver was down").isNotNull();

            String page = mvc.perform(get("/webhooks/" + agencySubscription.get("id").asLong()).with(user(story.staff("agency"))))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).as("the staff page's delivery log").contains(retried.get("webhookId").asText(), "lead.reported", "DELIVERED");
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsRetriedWithBackOffUntilTheDeliveryIsTooOld() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonNode subscription = subscribe(user(story.staff("agency")), "http://127.0.0.1:" + closedPort + "/hook", "[\"request.approved\"]");
        Instant start = Instant.now();
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        story.approve(reference);
        story.awaitListenersOfEventsSince(start);

        sender.sendDue();
        JsonNode first = deliveries(subscription, story).get(0);
        assertThat(first.get("state").asText()).isEqualTo("PENDING");
        assertThat(first.get("attempts").asInt()).isEqualTo(1);
        assertThat(first.get("lastError").asText()).contains("Connect");
        Instant firstRetry = Instant.parse(first.get("nextAttemptAt").asText());

        sender.sendDue();
        assertThat(deliveries(subscription, story).get(0).get("attempts").asInt()).as("not due before its back-off").isEqualTo(1);

        Instant clock = firstRetry;
        int attempts = 1;
        while (deliveries(subscription, story).get(0).get("state").asText().equals("PENDING") && attempts < 50) {
            ClockUtil.setCurrentTime(Date.from(clock));
            sender.sendDue();
            attempts++;
            JsonNode now = deliveries(subscription, story).get(0);
            if (now.get("state").asText().equals("PENDING")) {
                Instant next = Instant.parse(now.get("nextAttemptAt").asText());
                assertThat(next).as("each wait at least as long as the one before").isAfter(clock);
                clock = next;
            }
        }
        JsonNode failed = deliveries(subscription, story).get(0);
        assertThat(failed.get("state").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isGreaterThan(5);
        assertThat(clock).as("given up within the maximum age").isBefore(start.plus(Duration.ofDays(3)).plusSeconds(60));
    }

    @Test
    void aPartnerAgencysSubscriptionGetsTheJointCasesEventsWhileItIsAPartner() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        JsonNode partner = subscribe(user(story.staff("agency2")), "http://127.0.0.1:9/partner", "[\"request.approved\"]");
        String joint = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        CasePartner invited = jointCases.invite(joint, "Financial Intelligence Unit", "MLAT 2026/9", PartnerScope.READ, story.staff("agency"));
        jointCases.accept(invited.id(), story.staff("agency2"));
        String notJoint = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "11"));
        Instant approvedAt = Instant.now();
        story.approve(joint);
        story.approve(notJoint);
        story.awaitListenersOfEventsSince(approvedAt);

        assertThat(jdbc.sql("SELECT payload FROM webhook_delivery WHERE subscription_id = ?").param(partner.get("id").asLong())
                .query(String.class).list()).as("the joint case's approval, not the other case's").singleElement().asString()
                .contains(joint).doesNotContain(notJoint);
    }

    private long pendingDeliveries() {
        return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE state = 'PENDING'").query(Long.class).single();
    }

    private JsonNode deliveries(JsonNode subscription, RecoveryStory story) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/webhooks/" + subscription.get("id").asLong() + "/deliveries")
                .with(user(story.staff("agency")))).andReturn().getResponse().getContentAsString()).get("items");
    }

    private void reportFundsMoved(RecoveryStory story, String reference, String counterpartyName) {
        Instant respondedAt = Instant.now();
        CounterpartyRequest cr = story.counterpartyRequest(reference, counterpartyName);
        List<Target> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
        counterpartyRequestService.respond(cr, "Jo Compliance", "127.0.0.1", targets.stream()
                .map(t -> new NewOutcome(t.id(), Outcome.FUNDS_MOVED, null, "INT-" + t.id(), null, "0x" + "cd".repeat(32),
                        Filings.OKX_ETH_ADDRESS, null))
                .toList(), Actor.counterparty(counterpartyName, cr.id()));
        story.awaitListenersOfEventsSince(respondedAt);
        story.runJobs(reference);
    }

    private Map<String, Set<String>> deliveredTypes(WebhookReceiver receiver) {
        return receiver.received.stream().filter(r -> r.answered() == 204).collect(Collectors.groupingBy(Received::path,
                Collectors.mapping(r -> {
                    try {
                        return json.readTree(r.body()).get("type").asText();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }, Collectors.toSet())));
    }

    private JsonNode subscribe(RequestPostProcessor caller, String url, String types) throws Exception {
        MockHttpServletRequestBuilder request = post("/api/v1/webhooks").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"" + url + "\", \"eventTypes\": " + types + "}");
        var response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString());
    }

    static RequestPostProcessor counterpartyClient(long counterpartyId) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(new CounterpartyClient(counterpartyId, "operations"), null,
                List.of(new SimpleGrantedAuthority(CounterpartyClient.AUTHORITY))));
    }

    private static int secretBytes(String secret) {
        return Base64.getDecoder().decode(secret.substring("whsec_".length())).length;
    }
}
