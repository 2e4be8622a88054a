package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.audit.ChainHead;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The README's backup and restore, done as written: pg_dump of a running installation, pg_restore into a new
 * database, a node started on the copy. The copy's audit chain verifies against the head taken before the
 * dump, the link mailed before the dump opens on it, and the restored node carries the case on.
 */
@SpringBootTest(properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class BackupRestoreIT {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Map<String, String> ORIGINAL = PostgresTestDatabase.newDatabase();

    private static ServletWebServerApplicationContext restoredNode;

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ORIGINAL.forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired AuditIntegrity integrity;
    @Autowired ObjectMapper json;

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterAll
    static void stopRestoredNode() {
        if (restoredNode != null) {
            restoredNode.close();
        }
    }

    @Test
    void aDumpRestoredIntoAFreshDatabaseVerifiesItsAuditChainAndItsNodeCarriesTheCaseOn() throws Exception {
        ApprovedRequests requests = new ApprovedRequests(context);
        String reference = requests.fileAndApprove(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        await().atMost(PATIENCE).until(() -> runtimeService.createExecutionQuery().processDefinitionKey(CounterpartyRequestProcess.KEY)
                .processInstanceBusinessKey(reference).activityId("awaitResponse").count() == 1
                && !ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Tether").isEmpty());
        String token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");
        ChainHead head = integrity.head();

        Path dump = Files.createTempFile("freezedesk-", ".dump");
        Map<String, String> restored = PostgresTestDatabase.newDatabase();
        try {
            run("pg_dump", "--format=custom", "--file=" + dump, database(ORIGINAL));
            run("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + database(restored), dump.toString());
        } finally {
            Files.deleteIfExists(dump);
        }

        ApplicationContext node = startNode(restored);
        assertThat(node.getBean(AuditIntegrity.class).verify(head).intact()).as("the restored audit chain against the head before the dump")
                .isTrue();
        int port = ((ServletWebServerApplicationContext) node).getWebServer().getPort();
        HttpResponse<String> request = call(port, "GET", "/api/v1/portal/request", token, null);
        assertThat(request.statusCode()).as("the link mailed before the dump, on the restored node").isEqualTo(200);
        long targetId = json.readTree(request.body()).get("targets").get(0).get("id").asLong();
        assertThat(call(port, "POST", "/api/v1/portal/acknowledgement", token, Map.of("name", "Desk", "title", "MLRO")).statusCode())
                .isEqualTo(200);
        HttpResponse<String> answer = call(port, "POST", "/api/v1/portal/responses", token, Map.of("submittedBy", "Desk",
                "outcomes", List.of(Map.of("targetId", targetId, "outcome", "FROZEN", "frozenAmount", "10"))));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        TaskService restoredTasks = node.getBean(TaskService.class);
        await().atMost(PATIENCE).until(() -> restoredTasks.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("readSummary").count() == 1);
        assertThat(node.getBean(AuditIntegrity.class).verify(head).intact()).as("the chain, carried on by the restored node").isTrue();
    }

    private static String database(Map<String, String> settings) {
        String url = settings.get("spring.datasource.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** pg_dump and pg_restore as an operator would run them, against the test server. */
    private static void run(String tool, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool, "--host=" + PostgresTestDatabase.host(), "--port=" + PostgresTestDatabase.port(),
                "--username=" + PostgresTestDatabase.user(), "--no-password"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        String password = PostgresTestDatabase.properties().get("spring.datasource.password");
        if (!password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(tool + " finished").isTrue();
        assertThat(process.exitValue()).as(tool + " failed: " + output).isZero();
    }

    private HttpResponse<String> call(int port, String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofMinutes(1));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ApplicationContext startNode(Map<String, String> database) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--freezedesk.mail.embedded-smtp.enabled=false",
                "--spring.mail.port=" + TestMail.PORT, "--camunda.bpm.process-engine-name=restored-node", "--freezedesk.demo.enabled=false"));
        database.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        restoredNode = (ServletWebServerApplicationContext) new SpringApplicationBuilder(FreezeDeskApplication.class)
                .run(arguments.toArray(String[]::new));
        return restoredNode;
    }
}
