package org.freezedesk.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.HistoryService;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The path each process instance of a case took, as the diagram page and its JSON show it. */
@FreezeDeskTest
class ProcessDiagramTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired HistoryService historyService;
    @Autowired ConfigurableApplicationContext context;

    @Test
    void theFanOutShowsCompletedCurrentAndMultiInstanceCounts() throws Exception {
        CaseStory story = new CaseStory(context);
        StaffUser auditor = story.staff("auditor");
        String reference = story.file(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "1"));
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.FROZEN, "10");
        String root = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("freeze-request").singleResult().getId();

        mvc.perform(get("/audit/cases/{r}/processes/{id}/diagram", reference, root).with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.process.definitionKey").value("freeze-request"))
                .andExpect(jsonPath("$.bpmnXml").value(org.hamcrest.Matchers.containsString("id=\"freeze-request\"")))
                .andExpect(jsonPath("$.activities[?(@.activityId=='legalReview')].finished").value(1))
                .andExpect(jsonPath("$.activities[?(@.activityId=='counterpartyRequest')].multiInstance").value(true))
                .andExpect(jsonPath("$.activities[?(@.activityId=='counterpartyRequest')].started").value(2))
                .andExpect(jsonPath("$.activities[?(@.activityId=='counterpartyRequest')].finished").value(1));

        String html = mvc.perform(get("/audit/cases/{r}/processes", reference).with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#processes tbody tr")).hasSize(3);
        assertThat(page.selectFirst("#diagram").attr("data-source")).endsWith("/processes/" + root + "/diagram");
        assertThat(page.select("script[src]").eachAttr("src")).anyMatch(src -> src.endsWith("bpmn-navigated-viewer.production.min.js"));
        assertThat(page.select("#activities tbody tr").stream().filter(r -> r.child(1).text().equals("counterpartyRequest"))
                .findFirst().orElseThrow().children().eachText()).containsExactly("Counterparty request", "counterpartyRequest", "2", "1", "1", "yes");
    }

    @Test
    void anInstanceOfAnotherCaseIsNotShown() throws Exception {
        CaseStory story = new CaseStory(context);
        StaffUser auditor = story.staff("auditor");
        String mine = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        String other = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        String otherInstance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(other)
                .singleResult().getId();
        mvc.perform(get("/audit/cases/{r}/processes/{id}/diagram", mine, otherInstance).with(user(auditor)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theViewerScriptIsServedFromTheWebJar() throws Exception {
        mvc.perform(get("/webjars/bpmn-js/dist/bpmn-navigated-viewer.production.min.js"))
                .andExpect(status().isOk());
    }
}
