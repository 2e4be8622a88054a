package org.freezedesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.webhook.WebhookDeliveryTest.counterpartyClient;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One agency's or counterparty's subscriptions do not exist for anyone else (404), only agencies' investigators and
 * counterparties' systems subscribe, and a refused subscription names its field and stores nothing.
 */
@FreezeDeskTest
class WebhookSubscriptionTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired JdbcClient jdbc;
    @Autowired StaffUserRepository users;

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM webhook_subscription").update();
    }

    @Test
    void aSubscriptionIsInvisibleToOtherAgenciesAndCounterparties() throws Exception {
        RequestPostProcessor agency = user(staff("agency"));
        RequestPostProcessor otherAgency = user(staff("agency2"));
        RequestPostProcessor tether = counterpartyClient(counterparty("Tether"));
        RequestPostProcessor circle = counterpartyClient(counterparty("Circle"));
        long agencys = subscribe(agency, "https://cases.ncu.example.org/hooks").get("id").asLong();
        long tethers = subscribe(tether, "https://compliance.tether.example.org/hooks").get("id").asLong();

        assertThat(ids(list(agency))).containsExactly(agencys);
        assertThat(ids(list(user(staff("chief"))))).as("every investigator of the agency").containsExactly(agencys);
        assertThat(ids(list(tether))).containsExactly(tethers);
        assertThat(ids(list(otherAgency))).isEmpty();
        assertThat(ids(list(circle))).isEmpty();
        assertThat(list(agency).get("items").get(0).has("secret")).as("the secret is shown once only").isFalse();

        for (RequestPostProcessor stranger : new RequestPostProcessor[] {otherAgency, circle, tether}) {
            assertThat(status(get("/api/v1/webhooks/" + agencys + "/deliveries"), stranger)).isEqualTo(404);
            assertThat(status(delete("/api/v1/webhooks/" + agencys), stranger)).isEqualTo(404);
        }
        assertThat(status(get("/api/v1/webhooks/" + tethers + "/deliveries"), agency)).isEqualTo(404);
        assertThat(status(get("/webhooks/" + agencys), otherAgency)).isEqualTo(404);
        assertThat(status(get("/webhooks/" + tethers), agency)).isEqualTo(404);
        assertThat(mvc.perform(get("/webhooks").with(otherAgency)).andReturn().getResponse().getContentAsString())
                .doesNotContain("ncu.example.org/hooks");
        assertThat(mvc.perform(get("/webhooks").with(agency)).andReturn().getResponse().getContentAsString())
                .contains("https://cases.ncu.example.org/hooks");
        assertThat(status(get("/webhooks/" + agencys), agency)).isEqualTo(200);

        assertThat(status(get("/api/v1/webhooks"), user(staff("legal")))).as("legal officers do not subscribe").isEqualTo(403);
        assertThat(status(get("/api/v1/webhooks"), user(staff("auditor")))).isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/webhooks")).andReturn().getResponse().getStatus()).isEqualTo(401);

        assertThat(status(delete("/api/v1/webhooks/" + agencys), agency)).isEqualTo(204);
        assertThat(ids(list(agency))).isEmpty();
        assertThat(status(get("/api/v1/webhooks/" + agencys + "/deliveries"), agency)).isEqualTo(404);
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'webhook_subscription' AND object_id = ? ORDER BY id")
                .param(String.valueOf(agencys)).query(String.class).list()).containsExactly("WEBHOOK_SUBSCRIBED", "WEBHOOK_UNSUBSCRIBED");
    }

    @Test
    void listsPageByCursor() throws Exception {
        RequestPostProcessor agency = user(staff("agency"));
        long first = subscribe(agency, "https://a.example.org/1").get("id").asLong();
        long second = subscribe(agency, "https://a.example.org/2").get("id").asLong();
        long third = subscribe(agency, "https://a.example.org/3").get("id").asLong();
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/webhooks").param("limit", "2").with(agency))
                .andReturn().getResponse().getContentAsString());
        assertThat(ids(page)).containsExactly(third, second);
        JsonNode next = json.readTree(mvc.perform(get("/api/v1/webhooks").param("limit", "2")
                .param("cursor", page.get("nextCursor").asText()).with(agency)).andReturn().getResponse().getContentAsString());
        assertThat(ids(next)).containsExactly(first);
        assertThat(next.get("nextCursor").isNull()).isTrue();
        assertThat(status(get("/api/v1/webhooks").param("limit", "1000"), agency)).isEqualTo(400);
    }

    @Test
    void aRefusedSubscriptionNamesItsFieldAndStoresNothing() throws Exception {
        RequestPostProcessor agency = user(staff("agency"));
        String types = "[\"request.approved\"]";
        assertRefused(agency, "{\"url\": \"http://example.org/hooks\", \"eventTypes\": " + types + "}", "url");
        assertRefused(agency, "{\"url\": \"ftp://example.org/hooks\", \"eventTypes\": " + types + "}", "url");
        assertRefused(agency, "{\"url\": \"https://user:pw@example.org/hooks\", \"eventTypes\": " + types + "}", "url");
        assertRefused(agency, "{\"url\": \"/relative\", \"eventTypes\": " + types + "}", "url");
        assertRefused(agency, "{\"url\": \"https://example.org/" + "x".repeat(2000) + "\", \"eventTypes\": " + types + "}", "url");
        assertRefused(agency, "{\"url\": \"https://example.org/hooks\", \"eventTypes\": []}", "eventTypes");
        assertRefused(agency, "{\"url\": \"https://example.org/hooks\", \"eventTypes\": [\"request.approved\", \"case.deleted\"]}",
                "eventTypes[1]");
        assertRefused(agency, "{\"url\": \"https://example.org/hooks\", \"eventTypes\": " + types + ", \"active\": \"maybe\"}", "active");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM webhook_subscription").query(Long.class).single()).isZero();

        JsonNode local = subscribe(agency, "http://localhost:8099/hooks");
        assertThat(local.get("url").asText()).as("plain http to this machine, as the embedded default allows").isEqualTo("http://localhost:8099/hooks");
    }

    private void assertRefused(RequestPostProcessor caller, String body, String field) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/webhooks").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(body).isEqualTo(400);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(json.readTree(response.getContentAsString()).get("errors").get(0).get("field").asText()).isEqualTo(field);
    }

    private JsonNode subscribe(RequestPostProcessor caller, String url) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/webhooks").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"" + url + "\", \"eventTypes\": [\"request.approved\", \"counterparty.answered\"]}"))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString());
    }

    private JsonNode list(RequestPostProcessor caller) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/webhooks").with(caller)).andReturn().getResponse().getContentAsString());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    private int status(MockHttpServletRequestBuilder request, RequestPostProcessor caller)
            throws Exception {
        return mvc.perform(request.with(caller)).andReturn().getResponse().getStatus();
    }

    private StaffUser staff(String username) {
        return users.loadUserByUsername(username);
    }

    private long counterparty(String name) {
        return jdbc.sql("SELECT id FROM counterparty WHERE name = ?").param(name).query(Long.class).single();
    }
}
