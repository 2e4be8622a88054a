package org.freezedesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.Keys;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
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
 * Four eyes inside the engine, over HTTP on PostgreSQL with Camunda authorization on: an ADMIN operates
 * (Cockpit's view of instances, job retries) but cannot claim, complete, start or modify anything, in
 * Tasklist's API, Cockpit's API or the engine REST API; the filer cannot either; and even the engine API
 * itself refuses to end a legal review that no legal officer decided in FreezeDesk. The job executor runs,
 * as in production (the PostgreSQL tests share one database, so every context's executor takes jobs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
// Stops this context's job executor once done, so it takes no jobs of the PostgreSQL tests that follow.
@DirtiesContext
class EngineFourEyesIT {

    private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String APPROVE = "{\"variables\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    private final Map<String, String> keys = new HashMap<>();
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;
    @Autowired ReviewService reviewService;

    private CaseStory story;
    private String reference;
    private Task review;

    @BeforeEach
    void fileACase() {
        story = new CaseStory(context);
        reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        review = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW).singleResult();
    }

    @Test
    void anAdminCannotClaimOrApproveALegalReviewThroughTasklistCockpitOrTheEngineRestApi() {
        Session admin = new Session("admin").login();
        assertThat(admin.get("/camunda/app/cockpit/default/").statusCode()).as("an operator opens Cockpit").isIn(200, 302);

        assertRefusedByTheEngine(admin.postJson(WEBAPP_ENGINE + "/task/" + review.getId() + "/complete", APPROVE), "Tasklist's complete");
        assertRefusedByTheEngine(admin.postJson(WEBAPP_ENGINE + "/task/" + review.getId() + "/claim", "{\"userId\": \"admin\"}"),
                "Tasklist's claim");
        assertThat(engineRest("admin", "POST", "/engine-rest/task/" + review.getId() + "/complete", APPROVE).statusCode())
                .as("engine REST complete").isEqualTo(403);
        assertThat(engineRest("admin", "POST", "/engine-rest/task/" + review.getId() + "/claim", "{\"userId\": \"admin\"}").statusCode())
                .as("engine REST claim").isEqualTo(403);

        assertRefusedByTheEngine(admin.postJson(WEBAPP_ENGINE + "/process-definition/key/freeze-request/start", "{}"),
                "starting an instance from Cockpit's API");
        assertRefusedByTheEngine(admin.postJson(WEBAPP_ENGINE + "/process-instance/" + review.getProcessInstanceId() + "/modification",
                "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"legalReview\"}]}"),
                "modifying an instance from Cockpit's API");
        assertRefusedByTheEngine(admin.postJson(WEBAPP_ENGINE + "/process-instance/" + review.getProcessInstanceId() + "/variables",
                "{\"modifications\": {\"reviewDecision\": {\"value\": \"APPROVE\"}}}"),
                "setting variables from Cockpit's API");
        assertThat(engineRest("admin", "POST", "/engine-rest/process-definition/key/freeze-request/start", "{}").statusCode())
                .as("engine REST start").isEqualTo(403);
        assertThat(engineRest("admin", "POST", "/engine-rest/deployment/create", "{}").statusCode())
                .as("engine REST deployment").isEqualTo(403);

        assertStillInReview();
    }

    @Test
    void theFilerCannotApproveThroughTheEngineEither() {
        Session filer = new Session("agency").login();
        assertThat(filer.postJson(WEBAPP_ENGINE + "/task/" + review.getId() + "/complete", APPROVE).statusCode())
                .as("Tasklist's API").isEqualTo(403);
        assertThat(filer.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(403);
        assertThat(engineRest("agency", "POST", "/engine-rest/task/" + review.getId() + "/complete", APPROVE).statusCode())
                .as("engine REST").isEqualTo(403);
        assertThat(engineRest("agency", "POST", "/engine-rest/task/" + review.getId() + "/claim", "{\"userId\": \"agency\"}").statusCode())
                .isEqualTo(403);
        assertStillInReview();
    }

    @Test
    void theEngineItselfRefusesToEndALegalReviewNobodyDecidedInFreezeDesk() {
        assertThatThrownBy(() -> taskService.complete(review.getId(), Map.of(FreezeRequestProcess.REVIEW_DECISION, "APPROVE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("recorded decision");
        assertStillInReview();

        approve();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult()).as("the decision service still can").isNull();
    }

    @Test
    void anAdminSeesInstancesInCockpitAndRetriesJobs() {
        approve();
        Job timer = await().atMost(PATIENCE).until(this::aTimerOfTheCase, Objects::nonNull);

        Session admin = new Session("admin").login();
        admin.get("/camunda/app/cockpit/default/");
        HttpResponse<String> count = admin.get(WEBAPP_ENGINE + "/process-instance/count?businessKey=" + reference);
        assertThat(count.statusCode()).isEqualTo(200);
        assertThat(count.body()).doesNotContain("\"count\":0");
        assertThat(engineRest("admin", "GET", "/engine-rest/incident/count", null).statusCode()).isEqualTo(200);

        assertThat(engineRest("admin", "PUT", "/engine-rest/job/" + timer.getId() + "/retries", "{\"retries\": 7}").statusCode())
                .isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(7);
    }

    /** Refused by Camunda's authorization check, not merely by a missing CSRF header. */
    private static void assertRefusedByTheEngine(HttpResponse<String> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(403);
        assertThat(response.body()).as(what).contains("AuthorizationException");
    }

    /** Over a real server and its session table: the pages anyone may open store nothing for their visitor. */
    @Test
    void anonymousPagesCreateNoSession() {
        approve();
        String token = await().atMost(PATIENCE).ignoreExceptions()
                .until(() -> ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether"), Objects::nonNull);
        int before = sessions();
        for (String path : List.of("/login", "/portal/verify", "/portal/" + token, "/portal/" + token + "/recoveries",
                "/portal/" + "x".repeat(43), "/")) {
            HttpResponse<String> page = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(uri(path)).GET().build());
            assertThat(page.statusCode()).as(path).isIn(200, 302, 404);
            assertThat(page.headers().allValues("Set-Cookie")).as(path).noneMatch(cookie -> cookie.startsWith("SESSION="));
        }
        assertThat(sessions()).as("session rows after anonymous GETs").isEqualTo(before);
    }

    /** Legal approves in FreezeDesk; the job executor sends the notifications. */
    private void approve() {
        DecisionForm form = new DecisionForm();
        form.setDecision(ReviewDecision.APPROVE);
        form.setComment("Warrant checked");
        StaffUser legal = story.staff("legal");
        CaseStory.as(legal, () -> {
            reviewService.decide(review.getId(), form, legal);
            return null;
        });
    }

    private Job aTimerOfTheCase() {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CounterpartyRequestProcess.KEY).list().stream()
                .flatMap(instance -> managementService.createJobQuery().processInstanceId(instance.getId()).timers().list().stream())
                .findFirst().orElse(null);
    }

    private int sessions() {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Integer.class).single();
    }

    private void assertStillInReview() {
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult()).as("the review task is still open").isNotNull();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).as("nobody claimed it").isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_decision ld JOIN freeze_request fr ON fr.id = ld.freeze_request_id "
                + "JOIN freeze_case fc ON fc.id = fr.case_id WHERE fc.reference = ?").param(reference).query(Integer.class).single())
                .as("no legal decision").isZero();
    }

    /** The engine REST API with a key of {@code user} holding every role the user has. */
    private HttpResponse<String> engineRest(String user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + keys.computeIfAbsent(user, u -> Keys.of(context, u)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(HttpClient.newHttpClient(), request.build());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in browser that also speaks the Camunda webapps' JSON API, with their CSRF header. */
    private final class Session {

        private final String user;
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

        Session(String user) {
            this.user = user;
        }

        Session login() {
            String csrf = Jsoup.parse(get("/login").body()).selectFirst("input[name=_csrf]").val();
            String form = "username=" + user + "&password=" + user + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
            HttpResponse<String> response = send(http, HttpRequest.newBuilder(uri("/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(response.statusCode()).as("login of " + user).isEqualTo(302);
            return this;
        }

        HttpResponse<String> get(String path) {
            return send(http, HttpRequest.newBuilder(uri(path)).GET().build());
        }

        HttpResponse<String> postJson(String path, String json) {
            String xsrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
            return send(http, HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString(json)).build());
        }
    }
}
