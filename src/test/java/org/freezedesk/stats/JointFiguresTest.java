package org.freezedesk.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.JointCases;
import org.freezedesk.cases.PartnerScope;
import org.freezedesk.cases.Target;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.recovery.internal.RecoveryInstruction;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * A joint case's figures per filing agency and in total. The lead asks Tether for 1,000 USDT at one address, frozen in
 * full, and recovers 400; the partner asks for the same address again and for 300 more at another, of which 200 is
 * frozen. The shared address counts once in the total.
 */
@FreezeDeskTest
class JointFiguresTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final String FIU = "Financial Intelligence Unit";

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;
    @Autowired JointCases jointCases;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired CounterpartyRequestService counterpartyRequestService;

    @Test
    void requestedFrozenAndRecoveredPerAgencyAndInTotal() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser lead = story.staff("agency");
        StaffUser partner = story.staff("agency2");
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.FROZEN, "1000");
        RecoveryInstruction instruction = story.instructAndApprove(reference, "Tether", "400", Filings.ETH_ADDRESS);
        story.confirmTransfer(instruction, "0x" + "cd".repeat(32), "400");

        Document single = page(reference, lead);
        assertThat(single.select(".joint-figures")).as("a case of one agency shows no per-agency figures").isEmpty();

        long invitation = jointCases.invite(reference, FIU, "MLAT 2026/17", PartnerScope.FILE, lead).id();
        jointCases.accept(invitation, partner);
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                Filings.target("ETH", "USDT", Filings.OKX_ETH_ADDRESS, "300"));
        form.setLegalBasis("Singapore CDSA s. 47");
        int sequence = freezeCaseService.fileSupplementary(reference, form,
                filingValidator.validateTargets(form, new BeanPropertyBindingResult(form, "form")), partner);
        story.approve(reference);
        FreezeRequest partners = freezeCaseService.request(reference, sequence, partner);
        answerAtTether(reference, partners, story, "1000", "200");

        JsonNode figures = json.readTree(mvc.perform(get("/api/v1/cases/" + reference + "/figures").with(user(partner)))
                .andReturn().getResponse().getContentAsString());
        assertThat(figures.at("/leadAgency").asText()).isEqualTo("National Cyber Crime Unit");
        assertThat(line(figures.at("/total/0"))).isEqualTo("USDT 1300 0 1200 400");
        assertThat(figures.at("/agencies/0/agency").asText()).isEqualTo("National Cyber Crime Unit");
        assertThat(figures.at("/agencies/0/lead").asBoolean()).isTrue();
        assertThat(line(figures.at("/agencies/0/assets/0"))).isEqualTo("USDT 1000 0 1000 400");
        assertThat(figures.at("/agencies/1/agency").asText()).isEqualTo(FIU);
        assertThat(line(figures.at("/agencies/1/assets/0"))).isEqualTo("USDT 1300 0 1200 0");

        Document page = page(reference, lead);
        assertThat(page.select(".agency-figures[data-agency='" + FIU + "'] td").eachText())
                .containsExactly(FIU, "USDT", "1,300", "1,200", "0");
        assertThat(page.select(".total-figures td").eachText()).containsExactly("Total", "USDT", "1,300", "1,200", "400");
        Document dashboard = Jsoup.parse(mvc.perform(get("/stats").param("case", reference).with(user(lead))).andReturn()
                .getResponse().getContentAsString());
        assertThat(dashboard.select("#joint-figures-" + reference + " .total-figures td").eachText())
                .containsExactly("Total", "USDT", "1,300", "1,200", "400");
    }

    /** Tether answers the partner's request: the shared address frozen, the other partly. */
    private void answerAtTether(String reference, FreezeRequest request, RecoveryStory story, String shared, String other) {
        Instant since = Instant.now();
        long tether = story.counterparty("Tether");
        CounterpartyRequest cr = counterpartyRequests.forFreezeRequest(request.id()).stream()
                .filter(c -> c.counterpartyId() == tether).findFirst().orElseThrow();
        List<Target> targets = cases.targetsRoutedTo(request.id(), tether);
        counterpartyRequestService.respond(cr, "Jo Compliance", "127.0.0.1", targets.stream()
                .map(t -> t.address().equals(Filings.ETH_ADDRESS)
                        ? new NewOutcome(t.id(), Outcome.FROZEN, new BigDecimal(shared), "INT-" + t.id(), null, null, null, null)
                        : new NewOutcome(t.id(), Outcome.PARTIALLY_FROZEN, new BigDecimal(other), "INT-" + t.id(), null, null, null, null))
                .toList(), Actor.counterparty("Tether", cr.id()));
        story.awaitListenersOfEventsSince(since);
        story.runJobs(reference);
    }

    private Document page(String reference, StaffUser user) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/" + reference).with(user(user))).andReturn().getResponse().getContentAsString());
    }

    private static String line(JsonNode asset) {
        return asset.get("asset").asText() + " " + asset.get("requested").asText() + " " + asset.get("requestedAllCount").asText() + " "
                + asset.get("frozen").asText() + " " + asset.get("recovered").asText();
    }
}
