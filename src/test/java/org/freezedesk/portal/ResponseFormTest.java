package org.freezedesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The counterparty's response form: what it accepts, what it refuses and how, drafts, and the history it keeps. */
@FreezeDeskTest
class ResponseFormTest {

    private static final String ONWARD_TX = "0x9f4c5a1b8e0d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b";
    private static final String ONWARD_ADDRESS = "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRequestRepository counterpartyRequests;

    private ApprovedRequests requests;
    private String reference;
    private CounterpartyRequest tether;
    private String link;
    private List<Target> targets;

    @BeforeEach
    void tetherNotifiedOfTwoTargets() throws Exception {
        AbstractAssertions.init(engine);
        requests = new ApprovedRequests(context);
        reference = requests.notified(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000.5"),
                Filings.target("TRON", "USDT", Filings.TRON_ADDRESS, "all"));
        tether = requests.counterpartyRequest(reference, "Tether");
        link = "/portal/" + ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");
        targets = cases.targetsRoutedTo(tether.freezeRequestId(), tether.counterpartyId());
    }

    @Test
    void acknowledgingNeedsANameAndATitle() throws Exception {
        Document page = page(send(post(link + "/acknowledge").param("name", "Jo Compliance").param("title", " ").with(csrf())));

        assertThat(page.select("input[name=name]").val()).isEqualTo("Jo Compliance");
        assertThat(page.select("input[name=title] + .invalid-feedback").text()).isEqualTo("Enter your title or function");
        assertThat(counterpartyRequests.find(tether.id()).acknowledged()).isFalse();

        assertThat(send(post(link + "/acknowledge").param("name", "Jo Compliance").param("title", "MLRO").with(csrf())).getStatus())
                .isEqualTo(302);
        CounterpartyRequest acknowledged = counterpartyRequests.find(tether.id());
        assertThat(acknowledged.state()).isEqualTo(CounterpartyRequestState.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedByTitle()).isEqualTo("MLRO");
    }

    @Test
    void badOutcomesAreRefusedNextToTheirFieldsKeepingWhatWasTypedAndStoringNothing() throws Exception {
        acknowledge();
        Document page = page(send(answer()
                .param("outcomes[0].outcome", "PARTIALLY_FROZEN").param("outcomes[0].frozenAmount", "10.1234567")
                .param("outcomes[0].internalReference", "TETHER-77")
                .param("outcomes[1].outcome", "FUNDS_MOVED").param("outcomes[1].onwardTxHash", ONWARD_TX)
                .param("outcomes[1].onwardAddress", ONWARD_ADDRESS)));

        assertThat(error(page, 0, "frozenAmount")).isEqualTo("At most 6 decimal places: USDT on Ethereum has 6");
        assertThat(page.select("input[name='outcomes[0].frozenAmount']").val()).isEqualTo("10.1234567");
        assertThat(page.select("input[name='outcomes[0].internalReference']").val()).isEqualTo("TETHER-77");
        assertThat(error(page, 1, "onwardTxHash")).isEqualTo("Tron transaction hash is written without 0x; remove the prefix if this really is a Tron transaction");
        assertThat(error(page, 1, "onwardAddress")).startsWith("Tron addresses never start with 0x");
        assertThat(counterpartyRequests.history(tether.id())).isEmpty();

        page = page(send(answer().param("outcomes[0].outcome", "FROZEN").param("outcomes[0].frozenAmount", "1000.6")));
        assertThat(error(page, 0, "frozenAmount")).isEqualTo("Not more than the requested 1000.5 USDT");
        page = page(send(answer().param("outcomes[0].outcome", "NO_FUNDS").param("outcomes[0].heldUntil", "2027-01-31")));
        assertThat(error(page, 0, "heldUntil")).isEqualTo("Leave empty unless funds were frozen");
        page = page(send(answer().param("outcomes[1].outcome", "DECLINED")));
        assertThat(error(page, 1, "reason")).isEqualTo("Say why, for example \"needs a local court order\"");
        assertThat(counterpartyRequests.history(tether.id())).isEmpty();
    }

    @Test
    void anAmountExactToTheAssetsLastDecimalIsAccepted() throws Exception {
        acknowledge();

        assertThat(send(answer().param("outcomes[0].outcome", "PARTIALLY_FROZEN").param("outcomes[0].frozenAmount", "999.123456"))
                .getStatus()).isEqualTo(302);

        assertThat(counterpartyRequests.latestOutcomes(tether.id()).get(targets.get(0).id()).frozenAmountText()).isEqualTo("999.123456");
    }

    @Test
    void aDraftKeepsWhatWasTypedWithoutSubmittingOrTellingTheProcess() throws Exception {
        MockHttpServletResponse saved = send(post(link + "/draft").with(csrf())
                .param("submittedBy", "Jo")
                .param("outcomes[0].targetId", String.valueOf(targets.get(0).id()))
                .param("outcomes[0].outcome", "FROZEN").param("outcomes[0].frozenAmount", "about 900")
                .param("outcomes[1].targetId", String.valueOf(targets.get(1).id()))
                .param("outcomes[1].internalReference", "still checking"));
        assertThat(saved.getStatus()).isEqualTo(302);

        Document page = page(send(get(link)));
        assertThat(page.select("#draft-notice").text()).contains("has not been sent");
        assertThat(page.select("select[name='outcomes[0].outcome'] option[selected]").val()).isEqualTo("FROZEN");
        assertThat(page.select("input[name='outcomes[0].frozenAmount']").val()).isEqualTo("about 900");
        assertThat(page.select("input[name='outcomes[1].internalReference']").val()).isEqualTo("still checking");
        assertThat(counterpartyRequests.history(tether.id())).isEmpty();
        assertThat(requests.process(tether)).isWaitingAt("awaitResponse");

        acknowledge();
        send(answer().param("outcomes[0].outcome", "FROZEN").param("outcomes[0].frozenAmount", "900"));
        assertThat(page(send(get(link))).select("#draft-notice")).as("a submitted response replaces the draft").isEmpty();
    }

    @Test
    void aDraftForAnotherCounterpartysTargetIsRefused() throws Exception {
        MockHttpServletResponse refused = send(post(link + "/draft").with(csrf())
                .param("outcomes[0].targetId", "999999999").param("outcomes[0].outcome", "FROZEN"));

        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(page(refused).text()).contains("This target is not part of your request");
        assertThat(counterpartyRequests.draft(tether.id())).isEmpty();
    }

    @Test
    void answersOverDaysAreAllKeptAndShownAsTheCounterpartysHistory() throws Exception {
        ProcessInstance process = requests.process(tether);
        acknowledge();
        send(answer().param("outcomes[0].outcome", "FROZEN").param("outcomes[0].frozenAmount", "1000.5")
                .param("outcomes[0].heldUntil", "2030-06-30"));
        assertThat(process).isWaitingAt("awaitResponse");
        send(answer().param("outcomes[0].outcome", "PARTIALLY_FROZEN").param("outcomes[0].frozenAmount", "700")
                .param("outcomes[1].outcome", "FUNDS_MOVED")
                .param("outcomes[1].onwardTxHash", "9f4c5a1b8e0d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5d6c7b")
                .param("outcomes[1].onwardAddress", "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW"));

        assertThat(counterpartyRequests.history(tether.id())).extracting(TargetOutcome::outcome)
                .containsExactly(Outcome.PARTIALLY_FROZEN, Outcome.FUNDS_MOVED, Outcome.FROZEN);
        assertThat(process).hasPassed("closeCounterpartyRequest").isEnded();
        Document page = page(send(get(link)));
        assertThat(page.select("#history h3")).hasSize(2);
        assertThat(page.select("#history").text()).contains("2030-06-30").contains("TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW")
                .contains("PARTIALLY_FROZEN").contains("700");
    }

    private void acknowledge() throws Exception {
        assertThat(send(post(link + "/acknowledge").param("name", "Jo Compliance").param("title", "MLRO").with(csrf())).getStatus())
                .isEqualTo(302);
    }

    /** The response form with both target rows and the submitter; add the outcome fields. */
    private MockHttpServletRequestBuilder answer() {
        return post(link + "/responses").with(csrf()).param("submittedBy", "Jo Compliance")
                .param("outcomes[0].targetId", String.valueOf(targets.get(0).id()))
                .param("outcomes[1].targetId", String.valueOf(targets.get(1).id()));
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        return Jsoup.parse(response.getContentAsString());
    }

    private static String error(Document page, int row, String field) {
        return page.select("[name='outcomes[" + row + "]." + field + "'] + .invalid-feedback").text();
    }
}
