package org.freezedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.support.Keys.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.Filings;
import org.freezedesk.support.Keys;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** A counterparty's own system with its key: every request addressed to it, and nothing addressed to another. */
@FreezeDeskTest
class CounterpartyApiTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;

    @Test
    void aKeyListsReadsAndAnswersItsOwnCounterpartysRequestsAndNoOtherOnes() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "500"));
        story.approve(reference);
        CounterpartyRequest tether = story.counterpartyRequest(reference, "Tether");
        CounterpartyRequest circle = story.counterpartyRequest(reference, "Circle");
        String tetherKey = Keys.ofCounterparty(context, story.counterparty("Tether"));
        String circleKey = Keys.ofCounterparty(context, story.counterparty("Circle"));

        List<Long> listed = allIds("/api/v1/counterparty/requests?limit=1", tetherKey);
        assertThat(listed).contains(tether.id()).doesNotContain(circle.id()).doesNotHaveDuplicates();
        assertThat(allIds("/api/v1/counterparty/requests?limit=200", tetherKey)).as("the same list, in pages of any size")
                .isEqualTo(listed);
        assertThat(allIds("/api/v1/counterparty/requests?state=NOTIFIED&urgency=CRITICAL", circleKey)).contains(circle.id());
        assertThat(allIds("/api/v1/counterparty/requests?urgency=ROUTINE", circleKey)).doesNotContain(circle.id());
        assertThat(allIds("/api/v1/counterparty/requests?dueBefore=2000-01-02T00:00:00Z", circleKey)).doesNotContain(circle.id());

        String tetherPath = "/api/v1/counterparty/requests/" + tether.id();
        assertThat(status(get(tetherPath).with(bearer(circleKey)))).as("another counterparty's request").isEqualTo(404);
        assertThat(status(postJson(tetherPath + "/acknowledgement", Map.of("name", "Eve", "title", "Intruder"), circleKey)))
                .isEqualTo(404);
        assertThat(status(get(tetherPath).with(bearer(Keys.of(context, "admin"))))).as("staff keys reach no counterparty's")
                .isEqualTo(403);
        JsonNode document = body(get(tetherPath).with(bearer(tetherKey)), 200);
        assertThat(document.get("caseReference").asText()).isEqualTo(reference);
        assertThat(document.get("counterparty").asText()).isEqualTo("Tether");
        long targetId = document.get("targets").get(0).get("id").asLong();

        MockHttpServletResponse early = mvc.perform(postJson(tetherPath + "/responses", Map.of("submittedBy", "Sam",
                "outcomes", List.of(Map.of("targetId", targetId, "outcome", "FROZEN", "frozenAmount", "1000"))), tetherKey))
                .andReturn().getResponse();
        assertThat(early.getStatus()).isEqualTo(400);
        assertThat(early.getContentAsString()).contains("answering also acknowledges receipt (or acknowledge first: POST "
                + tetherPath + "/acknowledgement)");
        assertThat(body(postJson(tetherPath + "/acknowledgement", Map.of("name", "Sam Lee", "title", "MLRO"), tetherKey), 200)
                .get("state").asText()).isEqualTo("ACKNOWLEDGED");
        JsonNode answered = body(postJson(tetherPath + "/responses", Map.of("submittedBy", "Sam Lee",
                "outcomes", List.of(Map.of("targetId", targetId, "outcome", "FROZEN", "frozenAmount", "1000",
                        "heldUntil", LocalDate.now().plusMonths(6).toString()))), tetherKey), 201);
        assertThat(answered.get("targets").get(0).get("outcome").get("outcome").asText()).isEqualTo("FROZEN");
        story.runJobs(reference);

        RecoveryInstruction instruction = story.instructAndApprove(reference, "Tether", "400", Filings.ETH_ADDRESS);
        assertThat(ids(body(get("/api/v1/counterparty/recoveries").with(bearer(tetherKey)), 200))).contains(instruction.id());
        assertThat(ids(body(get("/api/v1/counterparty/recoveries").with(bearer(circleKey)), 200))).doesNotContain(instruction.id());
        String recoveryPath = "/api/v1/counterparty/recoveries/" + instruction.id();
        assertThat(status(get(recoveryPath).with(bearer(circleKey)))).isEqualTo(404);
        String txHash = "0x" + "ab".repeat(32);
        assertThat(status(postJson(recoveryPath + "/transfer", Map.of("name", "Eve", "txHash", txHash, "amount", "400",
                "transferredOn", LocalDate.now().toString()), circleKey))).isEqualTo(404);
        MockHttpServletResponse tooMuch = mvc.perform(postJson(recoveryPath + "/transfer", Map.of("name", "Sam Lee", "txHash", txHash,
                "amount", "401", "transferredOn", LocalDate.now().toString()), tetherKey)).andReturn().getResponse();
        assertThat(tooMuch.getStatus()).isEqualTo(400);
        assertThat(json.readTree(tooMuch.getContentAsString()).get("errors").findValuesAsText("field")).containsExactly("amount");
        assertThat(body(postJson(recoveryPath + "/transfer", Map.of("name", "Sam Lee", "txHash", txHash, "amount", "400",
                "transferredOn", LocalDate.now().toString()), tetherKey), 200).get("state").asText()).isEqualTo("CONFIRMED");
        assertThat(status(postJson(recoveryPath + "/decline", Map.of("name", "Sam Lee", "reason", "Changed our mind"), tetherKey)))
                .as("already answered").isEqualTo(409);
    }

    @Test
    void pagingParametersAreBoundedAndACursorMustBeOneWeGaveOut() throws Exception {
        String key = Keys.ofCounterparty(context, new RecoveryStory(context).counterparty("Tether"));
        for (String query : List.of("limit=0", "limit=201", "limit=99999999999", "cursor=bm90LW91cnM", "cursor=%25%25",
                "state=FROZEN", "dueBefore=tomorrow", "dueFrom=9999-01-01T00:00:00Z")) {
            MockHttpServletResponse response = mvc.perform(get("/api/v1/counterparty/requests?" + query).with(bearer(key)))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(query).isEqualTo(400);
            assertThat(response.getContentAsString()).as(query).contains(query.substring(0, query.indexOf('=')));
        }
    }

    private List<Long> allIds(String firstPage, String key) throws Exception {
        List<Long> ids = new ArrayList<>();
        String path = firstPage;
        for (int page = 0; page < 1000; page++) {
            JsonNode body = body(get(path).with(bearer(key)), 200);
            ids.addAll(ids(body));
            if (body.get("next").isNull()) {
                return ids;
            }
            path = firstPage + "&cursor=" + body.get("next").asText();
        }
        throw new AssertionError("the pages never end");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private RequestBuilder postJson(String path, Object body, String key) throws Exception {
        return post(path).with(bearer(key)).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
    }

    private JsonNode body(RequestBuilder request, int expectedStatus) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        return json.readTree(response.getContentAsString());
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
