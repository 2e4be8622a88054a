package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.directory.internal.AttributionImportService;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One case fanned out to a hundred counterparties on PostgreSQL, with the job executor running as in production,
 * and all hundred posting their final outcomes over HTTP at the same moment. No caller may see an error, every
 * response must be recorded, and the case must still complete: the joins of the multi-instance are retried jobs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
// Stops this context's job executor once done, rather than leaving it polling while the JVM's exit drops the test database.
@DirtiesContext
class HundredCounterpartiesIT {

    private static final int COUNTERPARTIES = 100;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired CounterpartyRepository counterparties;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;
    @Autowired AttributionImportService attributions;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHundredCounterpartiesAnsweringAtOnceAreAllRecordedAndTheCaseCompletes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> names = new ArrayList<>();
        TargetRow[] targets = new TargetRow[COUNTERPARTIES];
        StringBuilder attributionFile = new StringBuilder("chain,address,exchange,source,date\n");
        for (int i = 0; i < COUNTERPARTIES; i++) {
            String name = "Exchange " + run + "-" + i;
            long id = counterparties.create(name, CounterpartyKind.EXCHANGE, "Testland", 48);
            counterparties.addContact(id, "Compliance desk", "desk-" + i + "@" + run + ".example.org", true);
            names.add(name);
            String address = randomEthAddress();
            attributionFile.append("ETH,").append(address).append(',').append(name).append(",test,2026-01-01\n");
            // Ether itself, not a token: only the exchange holding the address is asked.
            targets[i] = Filings.target("ETH", "ETH", address, "100");
        }
        assertThat(attributions.importCsv("attributions.csv", attributionFile.toString().getBytes(StandardCharsets.UTF_8), "test")
                .problems()).isEmpty();
        ApprovedRequests requests = new ApprovedRequests(context);

        long approvedAt = System.nanoTime();
        String reference = requests.fileAndApprove(targets);
        await().atMost(PATIENCE).until(() -> greenMail.getReceivedMessages().length >= COUNTERPARTIES);
        long notifiedAt = System.nanoTime();

        List<String> tokens = new ArrayList<>();
        List<Long> targetIds = new ArrayList<>();
        for (String name : names) {
            String token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, name);
            tokens.add(token);
            JsonNode request = json.readTree(call("GET", "/api/v1/portal/request", token, null).body());
            targetIds.add(request.get("targets").get(0).get("id").asLong());
            assertThat(call("POST", "/api/v1/portal/acknowledgement", token, Map.of("name", "Desk " + name, "title", "MLRO"))
                    .statusCode()).isEqualTo(200);
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(COUNTERPARTIES);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < COUNTERPARTIES; i++) {
            String token = tokens.get(i);
            Map<String, Object> body = Map.of("submittedBy", "Desk " + i, "outcomes",
                    List.of(Map.of("targetId", targetIds.get(i), "outcome", "FROZEN", "frozenAmount", "100")));
            answers.add(threads.submit(() -> {
                start.await();
                return call("POST", "/api/v1/portal/responses", token, body);
            }));
        }
        long answeringFrom = System.nanoTime();
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            statuses.add(answer.get().statusCode());
        }
        long answeredAt = System.nanoTime();
        threads.shutdown();

        assertThat(statuses).as("every counterparty's answer was accepted").hasSize(COUNTERPARTIES).containsOnly(201);
        await().atMost(PATIENCE).until(() -> taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("readSummary").singleResult() != null);
        long completedAt = System.nanoTime();

        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM counterparty_response r
                JOIN counterparty_request cr ON cr.id = r.counterparty_request_id
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                JOIN freeze_case c ON c.id = fr.case_id
                WHERE c.reference = ?""").param(reference).query(Integer.class).single()).isEqualTo(COUNTERPARTIES);
        assertThat(jdbc.sql("""
                SELECT cr.state FROM counterparty_request cr
                JOIN freeze_request fr ON fr.id = cr.freeze_request_id
                JOIN freeze_case c ON c.id = fr.case_id
                WHERE c.reference = ?""").param(reference).query(String.class).list()).hasSize(COUNTERPARTIES).containsOnly("CLOSED");
        List<HistoricProcessInstance> processes = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).list();
        assertThat(processes).hasSize(COUNTERPARTIES + 1);
        assertThat(processes).allSatisfy(p -> assertThat(runtimeService.createIncidentQuery().processInstanceId(p.getId()).count())
                .as("incidents of " + p.getId()).isZero());

        System.out.printf("%d counterparties: notifications mailed %d ms after approval; %d answers in %d ms; "
                        + "readSummary reached %d ms after the last answer%n", COUNTERPARTIES, millis(approvedAt, notifiedAt),
                COUNTERPARTIES, millis(answeringFrom, answeredAt), millis(answeredAt, completedAt));
    }

    private HttpResponse<String> call(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(1));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Lower-case hex, which every EVM address check accepts and normalizes. */
    private static String randomEthAddress() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
