package org.freezedesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.TaskService;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Legal review over the API follows the review pages' rules: the queue and the request only for a legal unit serving
 * the agency (404 otherwise), never a decision on one's own filing (403), a reason to reject or return (400), and a
 * review decided already answers 409. Every refusal changes nothing.
 */
@FreezeDeskTest
class ReviewApiTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CaseRepository cases;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    @Test
    void anotherLegalOfficerDecidesButNeverTheFilerNorAUnitThatDoesNotServeTheAgency() throws Exception {
        StaffUser chief = users.loadUserByUsername("chief");
        StaffUser legal = users.loadUserByUsername("legal");
        StaffUser elsewhere = legalOfficerOfAUnitServingOnly("Financial Intelligence Unit");
        String reference = file(chief, "250000");
        String task = legalReview(reference);
        long requestId = cases.requestsOf(cases.findCase(reference).orElseThrow().id()).get(0).id();

        assertThat(queueIds(legal)).contains(task);
        assertThat(queueIds(elsewhere)).doesNotContain(task);

        JsonNode review = ok(get("/api/v1/reviews/" + task), legal);
        assertThat(review.get("reference").asText()).isEqualTo(reference);
        assertThat(review.get("filedBy").asText()).isEqualTo("chief");
        assertThat(review.get("ownRequest").asBoolean()).isFalse();
        assertThat(review.at("/targets/items/0/amount").asText()).isEqualTo("250000");
        assertThat(ok(get("/api/v1/reviews/" + task), chief).get("ownRequest").asBoolean()).isTrue();

        assertProblem(call(get("/api/v1/reviews/" + task), elsewhere), 404);
        assertProblem(decide(task, elsewhere, "APPROVE", null), 404);

        MockHttpServletResponse own = decide(task, chief, "APPROVE", "Fine by me");
        assertThat(problem(own, 403).at("/errors/0/message").asText()).contains("someone else must review it");

        MockHttpServletResponse noReason = decide(task, legal, "REJECT", "  ");
        assertThat(problem(noReason, 400).at("/errors/0/field").asText()).isEqualTo("comment");
        assertThat(problem(decide(task, legal, null, null), 400).at("/errors/0/field").asText()).isEqualTo("decision");
        assertThat(cases.request(requestId).state()).as("nothing decided by a refusal").isEqualTo(FreezeRequestState.IN_REVIEW);
        assertThat(decisions(requestId)).isZero();

        MockHttpServletResponse approved = decide(task, legal, "APPROVE", null);
        assertThat(approved.getStatus()).isEqualTo(200);
        JsonNode decision = json.readTree(approved.getContentAsString());
        assertThat(decision.get("decision").asText()).isEqualTo("APPROVE");
        assertThat(decision.get("state").asText()).isEqualTo("APPROVED");
        assertThat(cases.request(requestId).state()).isEqualTo(FreezeRequestState.APPROVED);
        assertThat(jdbc.sql("SELECT decided_by FROM legal_decision WHERE freeze_request_id = ?").param(requestId)
                .query(String.class).list()).containsExactly("legal");

        assertThat(problem(decide(task, legal, "REJECT", "Changed my mind"), 409).at("/errors/0/message").asText())
                .contains("decided already");
        assertProblem(decide(task, elsewhere, "REJECT", "Not mine"), 404);
        assertProblem(call(get("/api/v1/reviews/" + task), legal), 404);
        assertThat(decisions(requestId)).isEqualTo(1);
    }

    /** Legal officers deciding the same request at once: one decision is recorded, every other call is told 409. */
    @Test
    void concurrentDecisionsRecordOneAndRefuseTheRest() throws Exception {
        StaffUser legal = users.loadUserByUsername("legal");
        String reference = file(users.loadUserByUsername("agency"), "7");
        String task = legalReview(reference);
        long requestId = cases.requestsOf(cases.findCase(reference).orElseThrow().id()).get(0).id();
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String decision = i % 2 == 0 ? "APPROVE" : "REJECT";
                statuses.add(pool.submit(() -> {
                    start.await();
                    return decide(task, legal, decision, "Caller's reason").getStatus();
                }));
            }
            start.countDown();
            List<Integer> answers = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }
            assertThat(answers).filteredOn(status -> status == 200).hasSize(1);
            assertThat(answers).filteredOn(status -> status != 200).allMatch(status -> status == 409 || status == 404);
        } finally {
            pool.shutdownNow();
        }
        assertThat(decisions(requestId)).isEqualTo(1);
        assertThat(cases.request(requestId).state()).isIn(FreezeRequestState.APPROVED, FreezeRequestState.REJECTED);
    }

    @Test
    void theQueueComesInPagesThatNeitherRepeatNorSkip() throws Exception {
        StaffUser agency = users.loadUserByUsername("agency");
        StaffUser legal = users.loadUserByUsername("legal");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            filed.add(legalReview(file(agency, String.valueOf(i + 1))));
        }
        List<String> all = queueIds(legal);
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            MockHttpServletRequestBuilder page = get("/api/v1/reviews").param("limit", "2");
            if (cursor != null) {
                page.param("cursor", cursor);
            }
            JsonNode body = ok(page, legal);
            assertThat(body.get("items").size()).isLessThanOrEqualTo(2);
            body.get("items").forEach(item -> paged.add(item.get("id").asText()));
            cursor = body.get("next").isNull() ? null : body.get("next").asText();
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(paged).containsExactlyElementsOf(all).containsAll(filed);
        assertThat(pages).isGreaterThan(1);

        assertThat(problem(call(get("/api/v1/reviews").param("limit", "201"), legal), 400).at("/errors/0/field").asText())
                .isEqualTo("limit");
        assertThat(problem(call(get("/api/v1/reviews").param("cursor", "not a cursor"), legal), 400).at("/errors/0/field").asText())
                .isEqualTo("cursor");
    }

    private List<String> queueIds(StaffUser user) throws Exception {
        JsonNode page = ok(get("/api/v1/reviews").param("limit", "200"), user);
        assertThat(page.get("next").isNull()).as("one page holds this test's queue").isTrue();
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    private MockHttpServletResponse decide(String task, StaffUser user, String decision, String comment) throws Exception {
        Map<String, String> fields = new HashMap<>();
        fields.put("decision", decision);
        fields.put("comment", comment);
        String body = json.writeValueAsString(fields);
        return call(post("/api/v1/reviews/" + task + "/decision").contentType(MediaType.APPLICATION_JSON).content(body), user);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, StaffUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request, StaffUser user) throws Exception {
        MockHttpServletResponse response = call(request, user);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private void assertProblem(MockHttpServletResponse response, int status) throws Exception {
        problem(response, status);
    }

    private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("errors").isArray()).isTrue();
        return problem;
    }

    private String file(StaffUser filer, String amount) {
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, amount));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        return freezeCaseService.file(form, targets, filer);
    }

    private String legalReview(String reference) {
        return taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW).singleResult().getId();
    }

    private int decisions(long requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM legal_decision WHERE freeze_request_id = ?").param(requestId).query(Integer.class).single();
    }

    /** A legal officer of a unit of its own that serves one agency only; a demo account, so it needs no second factor. */
    private StaffUser legalOfficerOfAUnitServingOnly(String agency) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("INSERT INTO legal_unit (name) VALUES (?)").param("Unit " + suffix).update();
        long unit = jdbc.sql("SELECT id FROM legal_unit WHERE name = ?").param("Unit " + suffix).query(Long.class).single();
        long served = jdbc.sql("SELECT id FROM agency WHERE name = ?").param(agency).query(Long.class).single();
        jdbc.sql("INSERT INTO legal_unit_agency (legal_unit_id, agency_id) VALUES (?, ?)").params(unit, served).update();
        String username = "legal-" + suffix;
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, legal_unit_id, demo) VALUES (?, '{noop}x', ?, ?, TRUE)")
                .params(username, username, unit).update();
        jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, 'LEGAL')").param(username).update();
        return users.loadUserByUsername(username);
    }
}
