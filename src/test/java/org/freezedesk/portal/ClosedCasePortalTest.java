package org.freezedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Closed means closed for the counterparty too: its link shows the request as closed and takes no new answer. */
@FreezeDeskTest
class ClosedCasePortalTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired JdbcClient jdbc;

    @Test
    void aCounterpartyLinkRefusesNewAnswersOnAClosedCaseAndTheTotalsStay() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser agency = story.staff("agency");
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.acknowledge(reference, "Tether");
        CounterpartyRequest tether = story.counterpartyRequest(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", null);
        mvc.perform(post("/cases/{r}/requests/1/summary", reference).with(user(agency)).with(csrf()));
        mvc.perform(post("/cases/{r}/closure", reference).with(user(agency)).with(csrf()).param("summary", "Frozen and released."));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_closure cc JOIN freeze_case fc ON fc.id = cc.case_id WHERE fc.reference = ?")
                .param(reference).query(Integer.class).single()).as("the case is closed").isEqualTo(1);

        String token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");
        Map<Long, TargetOutcome> before = counterpartyRequests.latestOutcomes(tether.id());
        long targetId = before.keySet().iterator().next();
        long responsesBefore = responses(tether.id());
        String totalsBefore = totals(reference, agency);

        Document page = Jsoup.parse(mvc.perform(get("/portal/{t}", token)).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#case-closed").text()).contains("This request is closed");
        assertThat(page.select("form[action$=/responses]")).as("no response form").isEmpty();

        MockHttpServletResponse form = mvc.perform(post("/portal/{t}/responses", token).with(csrf())
                .param("submittedBy", "Jo Compliance")
                .param("outcomes[0].targetId", String.valueOf(targetId))
                .param("outcomes[0].outcome", "PARTIALLY_FROZEN")
                .param("outcomes[0].frozenAmount", "10")).andReturn().getResponse();
        assertThat(form.getStatus()).isEqualTo(409);
        Document refused = Jsoup.parse(form.getContentAsString());
        assertThat(refused.select("#problem").text()).contains("is closed and takes no more answers");
        assertThat(refused.select("#back").attr("href")).isEqualTo("/portal/" + token);

        MockHttpServletResponse api = mvc.perform(post("/api/v1/portal/responses").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"submittedBy": "Jo Compliance", "outcomes": [{"targetId": %d, "outcome": "NO_FUNDS"}]}""".formatted(targetId)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(409);
        assertThat(api.getContentAsString()).contains("is closed and takes no more answers");

        assertThat(counterpartyRequests.latestOutcomes(tether.id())).isEqualTo(before);
        assertThat(responses(tether.id())).isEqualTo(responsesBefore);
        assertThat(totals(reference, agency)).as("the case's figures").isEqualTo(totalsBefore).contains("USDT 1,000 1,000");
    }

    private String totals(String reference, StaffUser agency) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/{r}/closure", reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString()).select("#closing-figures tbody tr").text();
    }

    private long responses(long counterpartyRequestId) {
        return jdbc.sql("SELECT COUNT(*) FROM counterparty_response WHERE counterparty_request_id = ?").param(counterpartyRequestId)
                .query(Long.class).single();
    }
}
