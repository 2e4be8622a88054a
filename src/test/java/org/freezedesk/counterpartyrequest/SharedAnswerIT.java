package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.FreezeDeskApplication;
import org.freezedesk.cases.CounterpartyRequestSummary;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On PostgreSQL, through the portal API with each request's link: Tether, asked for the same address by the original
 * and the supplementary request of one case, answers it once through the first request's link, and the second
 * request shows it frozen, answered through the first. Its link reaches nothing else of the second request, and
 * sixteen answers sent at once through both links on two nodes leave both requests agreeing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class SharedAnswerIT {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static ServletWebServerApplicationContext secondNode;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterAll
    static void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void tetherAnswersOnceThroughTheFirstLinkAndBothRequestsShowItFrozen() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);
        String first = story.token(story.first);
        String second = story.token(story.second);
        acknowledge(port, first);

        assertThat(answer(port, first, story.sharedInFirst.id(), "FROZEN", "10").statusCode()).isEqualTo(201);
        story.runJobs(story.reference);

        JsonNode secondRequest = read(port, second);
        JsonNode sharedTarget = secondRequest.get("targets").get(0);
        assertThat(sharedTarget.get("id").asLong()).isEqualTo(story.sharedInSecond.id());
        assertThat(sharedTarget.get("outcome").get("outcome").asText()).isEqualTo("FROZEN");
        assertThat(sharedTarget.get("outcome").get("frozenAmount").asText()).isEqualTo("10");
        assertThat(sharedTarget.get("outcome").get("answeredThrough").asText()).isEqualTo(story.reference + "/1");
        assertThat(secondRequest.get("targets").get(1).get("outcome").isNull()).as("its own OKX address").isTrue();
        assertThat(secondRequest.get("responses")).singleElement()
                .satisfies(r -> assertThat(r.get("answeredThrough").asText()).isEqualTo(story.reference + "/1"));
        assertThat(read(port, first).get("targets").get(0).get("outcome").get("answeredThrough").isNull()).isTrue();
        assertThat(counterpartyRequests.summariesForCase(story.freezeCase(story.reference).id()).stream()
                .filter(s -> s.id() == story.first.id() || s.id() == story.second.id()))
                .as("each request counts the answer once").extracting(CounterpartyRequestSummary::answeredCount).containsExactly(1, 1);

        assertThat(answer(port, first, story.onlyInFirst.id(), "NO_FUNDS", null).statusCode()).isEqualTo(201);
        story.runJobs(story.reference);
        assertThat(read(port, second).get("responses")).as("a target only the first asks for").hasSize(1);
        assertThat(counterpartyRequests.find(story.first.id()).state().name()).isEqualTo("CLOSED");
        assertThat(counterpartyRequests.find(story.second.id()).state().name()).isEqualTo("RESPONDED");
    }

    @Test
    void theFirstRequestListsTheSecondAndNothingOfOtherCounterparties() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);

        JsonNode first = read(port, story.token(story.first));

        assertThat(first.get("caseReference").asText()).isEqualTo(story.reference);
        assertThat(first.get("caseTitle").asText()).isEqualTo(story.freezeCase(story.reference).title());
        JsonNode other = first.get("otherRequests").get(0);
        assertThat(first.get("otherRequests")).hasSize(1);
        assertThat(other.get("id").asLong()).isEqualTo(story.second.id()).isNotEqualTo(story.okx.id());
        assertThat(other.get("reference").asText()).isEqualTo(story.reference + "/2");
        assertThat(other.get("askingAgency").asText()).isEqualTo(story.freezeCase(story.reference).agency());
        assertThat(other.get("state").asText()).isEqualTo("NOTIFIED");
        assertThat(other.get("takesSharedAnswers").asBoolean()).isTrue();
        assertThat(other.get("sharedTargets")).singleElement().satisfies(t -> {
            assertThat(t.get("targetId").asLong()).isEqualTo(story.sharedInFirst.id());
            assertThat(t.get("otherLine").asInt()).isEqualTo(1);
        });
        assertThat(first.toString()).doesNotContain("OKX").doesNotContain(Filings.OKX_ETH_ADDRESS);
    }

    @Test
    void aWithdrawnSecondRequestIsNotTouched() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);
        String first = story.token(story.first);
        counterpartyRequests.withdraw(story.second.id());
        acknowledge(port, first);

        assertThat(answer(port, first, story.sharedInFirst.id(), "FROZEN", "10").statusCode()).isEqualTo(201);

        assertThat(counterpartyRequests.history(story.second.id())).isEmpty();
        assertThat(read(port, first).get("otherRequests")).as("a withdrawn request is not open").isEmpty();
    }

    @Test
    void theFirstLinkNeitherReadsNorAnswersTheTargetsOfTheSecond() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);
        String first = story.token(story.first);
        acknowledge(port, first);

        assertThat(read(port, first).get("targets")).extracting(t -> t.get("id").asLong())
                .containsExactly(story.sharedInFirst.id(), story.onlyInFirst.id());
        HttpResponse<String> notShared = answer(port, first, story.onlyInSecond.id(), "FROZEN", "3");
        HttpResponse<String> sharedButTheirs = answer(port, first, story.sharedInSecond.id(), "FROZEN", "10");

        assertThat(notShared.statusCode()).isEqualTo(400);
        assertThat(sharedButTheirs.statusCode()).as("answered through the first request's own target, not the second's").isEqualTo(400);
        assertThat(notShared.body()).doesNotContain(Filings.OKX_ETH_ADDRESS);
        assertThat(counterpartyRequests.history(story.second.id())).isEmpty();
        assertThat(counterpartyRequests.history(story.first.id())).isEmpty();
    }

    @Test
    void sixteenAnswersAtOnceThroughBothLinksOnTwoNodesLeaveBothRequestsAgreeing() throws Exception {
        TwoRequestsToTether story = new TwoRequestsToTether(context, false);
        String[] tokens = {story.token(story.first), story.token(story.second)};
        int[] ports = {port, secondNode().getWebServer().getPort()};
        acknowledge(port, tokens[0]);
        acknowledge(port, tokens[1]);
        long[] sharedTargets = {story.sharedInFirst.id(), story.sharedInSecond.id()};

        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 16; i++) {
                int request = i % 2;
                int node = (i / 2) % 2;
                String amount = BigDecimal.valueOf(i + 1, 1).toPlainString();
                Callable<HttpResponse<String>> send = () -> answer(ports[node], tokens[request], sharedTargets[request], "FROZEN", amount);
                answers.add(pool.submit(send));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.printf("SharedAnswerIT: 16 answers at once through 2 links on 2 nodes, each shared with the other request, took %d ms%n",
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        TargetOutcome inFirst = counterpartyRequests.latestOutcomes(story.first.id()).get(story.sharedInFirst.id());
        TargetOutcome inSecond = counterpartyRequests.latestOutcomes(story.second.id()).get(story.sharedInSecond.id());
        assertThat(inSecond.frozenAmount()).as("the answer last sent through either link is in force in both").isEqualByComparingTo(inFirst.frozenAmount());
        assertThat(own(story.first)).as("each answer is kept on the request it was sent through").hasSize(8);
        assertThat(own(story.second)).hasSize(8);
    }

    private List<TargetOutcome> own(CounterpartyRequest cr) {
        return counterpartyRequests.history(cr.id()).stream().filter(o -> o.answeredThrough() == null).toList();
    }

    private JsonNode read(int node, String token) throws Exception {
        HttpResponse<String> response = http.send(request(node, "/api/v1/portal/request", token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private void acknowledge(int node, String token) throws Exception {
        HttpResponse<String> response = post(node, "/api/v1/portal/acknowledgement", token, Map.of("name", "Jo Compliance", "title", "MLRO"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> answer(int node, String token, long targetId, String outcome, String frozenAmount) throws Exception {
        Map<String, Object> row = frozenAmount == null ? Map.of("targetId", targetId, "outcome", outcome)
                : Map.of("targetId", targetId, "outcome", outcome, "frozenAmount", frozenAmount);
        return post(node, "/api/v1/portal/responses", token, Map.of("submittedBy", "Jo Compliance", "outcomes", List.of(row)));
    }

    private HttpResponse<String> post(int node, String path, String token, Object body) throws Exception {
        return http.send(request(node, path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int node, String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + node + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60));
    }

    /** One second node for the class, on the same database, started by the test that needs it. */
    private static synchronized ServletWebServerApplicationContext secondNode() {
        if (secondNode == null) {
            List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--freezedesk.mail.embedded-smtp.enabled=false",
                    "--spring.mail.port=" + TestMail.PORT, "--camunda.bpm.process-engine-name=second-node",
                    "--camunda.bpm.job-execution.enabled=false"));
            PostgresTestDatabase.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
            secondNode = (ServletWebServerApplicationContext) new SpringApplicationBuilder(FreezeDeskApplication.class)
                    .run(arguments.toArray(String[]::new));
        }
        return secondNode;
    }
}
