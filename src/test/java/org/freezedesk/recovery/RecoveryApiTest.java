package org.freezedesk.recovery;

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
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.internal.RecoveryRepository;
import org.freezedesk.recovery.internal.RecoveryState;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Recovery instructions over the API: the case's agency files one for a frozen holding with the form's checks, and
 * legal reviews it with the pages' four eyes: never the filer, never a unit that does not serve the agency.
 */
@FreezeDeskTest
class RecoveryApiTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;
    @Autowired StaffUserRepository users;
    @Autowired RecoveryRepository recoveries;
    @Autowired JdbcClient jdbc;

    @Test
    void theAgencyFilesAnInstructionThatAnotherLegalOfficerApprovesButNeverItsFiler() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.acknowledge(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", null);
        StaffUser chief = users.loadUserByUsername("chief");
        StaffUser legal = users.loadUserByUsername("legal");
        StaffUser agency2 = users.loadUserByUsername("agency2");
        StaffUser elsewhere = legalOfficerOfAUnitServingOnly("Financial Intelligence Unit");

        JsonNode holdings = ok(get("/api/v1/cases/" + reference + "/recoveries/holdings"), chief);
        assertThat(holdings.at("/items/0/counterparty").asText()).isEqualTo("Tether");
        assertThat(holdings.at("/items/0/available").asText()).isEqualTo("1000");
        String holding = holdings.at("/items/0/holding").asText();
        problem(call(get("/api/v1/cases/" + reference + "/recoveries/holdings"), agency2), 404);

        String tooMuch = instruction(holding, "1000.5");
        JsonNode refused = problem(call(post("/api/v1/cases/" + reference + "/recoveries").contentType(MediaType.APPLICATION_JSON)
                .content(tooMuch), chief), 400);
        assertThat(refused.at("/errors/0/field").asText()).isEqualTo("amount");
        problem(call(post("/api/v1/cases/" + reference + "/recoveries").contentType(MediaType.APPLICATION_JSON)
                .content(instruction(holding, "400")), agency2), 404);
        assertThat(recoveries.frozenHoldings(story.freezeCase(reference).id()).get(0).available()).isEqualByComparingTo("1000");

        MockHttpServletResponse filed = call(post("/api/v1/cases/" + reference + "/recoveries").contentType(MediaType.APPLICATION_JSON)
                .content(instruction(holding, "400")), chief);
        assertThat(filed.getStatus()).as(filed.getContentAsString()).isEqualTo(201);
        JsonNode instruction = json.readTree(filed.getContentAsString());
        assertThat(instruction.get("state").asText()).isEqualTo("IN_REVIEW");
        assertThat(instruction.get("filedBy").asText()).isEqualTo("chief");
        assertThat(ok(get(filed.getHeader("Location")), chief).get("amount").asText()).isEqualTo("400");
        assertThat(ok(get("/api/v1/cases/" + reference + "/recoveries"), chief).at("/items/0/id").asLong())
                .isEqualTo(instruction.get("id").asLong());
        long id = instruction.get("id").asLong();

        String task = taskOf(legal, id);
        assertThat(taskOf(chief, id)).as("the filer sees it in its queue, as on the pages").isEqualTo(task);
        assertThat(queue(elsewhere)).noneMatch(review -> review.at("/instruction/id").asLong() == id);
        problem(call(get("/api/v1/recovery-reviews/" + task), elsewhere), 404);
        assertThat(ok(get("/api/v1/recovery-reviews/" + task), chief).get("ownInstruction").asBoolean()).isTrue();

        assertThat(problem(decide(task, chief, "APPROVE", null), 403).at("/errors/0/message").asText()).contains("someone else");
        problem(decide(task, elsewhere, "APPROVE", null), 404);
        assertThat(problem(decide(task, legal, "RETURN", ""), 400).at("/errors/0/field").asText()).isEqualTo("comment");
        assertThat(recoveries.find(id).state()).isEqualTo(RecoveryState.IN_REVIEW);

        MockHttpServletResponse approved = decide(task, legal, "APPROVE", null);
        assertThat(approved.getStatus()).as(approved.getContentAsString()).isEqualTo(200);
        assertThat(json.readTree(approved.getContentAsString()).get("reviewedBy").asText()).isEqualTo("legal");
        assertThat(recoveries.find(id).state()).isEqualTo(RecoveryState.APPROVED);
        problem(decide(task, legal, "REJECT", "Too late"), 409);
    }

    /** Legal officers deciding one instruction at once: one decision stands, every other call is refused, none fails. */
    @Test
    void concurrentDecisionsLeaveOneAndRefuseTheRest() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "100"));
        story.approve(reference);
        story.acknowledge(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "100", null);
        long id = story.instruct(reference, "Tether", "10", DESTINATION);
        StaffUser legal = users.loadUserByUsername("legal");
        String task = taskOf(legal, id);
        int callers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<Integer> answers = new ArrayList<>();
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
            for (Future<Integer> status : statuses) {
                answers.add(status.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).filteredOn(status -> status == 200).hasSize(1);
        assertThat(answers).filteredOn(status -> status != 200).allMatch(status -> status == 409 || status == 404);
        assertThat(recoveries.find(id).state()).isIn(RecoveryState.APPROVED, RecoveryState.REJECTED, RecoveryState.NOTIFIED);
    }

    private String instruction(String holding, String amount) throws Exception {
        return json.writeValueAsString(Map.of("holding", holding, "instrument", "SEIZURE_WARRANT", "instrumentReference",
                "SW-2026-4", "instrumentDate", "2026-01-02", "method", "TRANSFER", "destinationAddress", DESTINATION, "amount", amount));
    }

    private String taskOf(StaffUser user, long instructionId) throws Exception {
        return queue(user).stream().filter(review -> review.at("/instruction/id").asLong() == instructionId).findFirst()
                .orElseThrow(() -> new AssertionError("instruction " + instructionId + " not in the queue of " + user.getUsername()))
                .get("id").asText();
    }

    private List<JsonNode> queue(StaffUser user) throws Exception {
        JsonNode page = ok(get("/api/v1/recovery-reviews").param("limit", "200"), user);
        List<JsonNode> items = new ArrayList<>();
        page.get("items").forEach(items::add);
        return items;
    }

    private MockHttpServletResponse decide(String task, StaffUser user, String decision, String comment) throws Exception {
        Map<String, String> body = new HashMap<>();
        body.put("decision", decision);
        body.put("comment", comment);
        return call(post("/api/v1/recovery-reviews/" + task + "/decision").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)), user);
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, StaffUser user) throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request, StaffUser user) throws Exception {
        MockHttpServletResponse response = call(request, user);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return json.readTree(response.getContentAsString());
    }

    private JsonNode problem(MockHttpServletResponse response, int status) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        return json.readTree(response.getContentAsString());
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
