package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.TaskService;
import org.freezedesk.cases.internal.TargetRoute;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.directory.RouteReason;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The filing and amendment forms hold a real case: hundreds of typed targets, and the filer's route overrides. */
@FreezeDeskTest
class LargeFormsTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired CaseRepository cases;
    @Autowired FreezeCaseService freezeCaseService;

    /** A well-formed Ethereum address per number, all lower case (no checksum to get wrong). */
    static String ethAddress(int n) {
        return "0x" + "%040x".formatted(0x5aaeb6L * 1_000_003L + n * 7_919L);
    }

    static Map<String, String> filing(int rows) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("title", "Five hundred deposit addresses");
        form.put("incidentSummary", "Funds split across many addresses.");
        form.put("legalBasis", "Proceeds of Crime Act, s. 41");
        form.put("urgency", "URGENT");
        for (int i = 0; i < rows; i++) {
            form.put("targets[" + i + "].chain", "ETH");
            form.put("targets[" + i + "].asset", "USDT");
            form.put("targets[" + i + "].address", ethAddress(i));
            form.put("targets[" + i + "].amount", String.valueOf(100 + i));
            form.put("targets[" + i + "].txHashes", "");
            form.put("targets[" + i + "].note", "row " + (i + 1));
        }
        return form;
    }

    @Test
    void theFilingFormTakesFiveHundredRows() throws Exception {
        StaffUser agency = new CaseStory(context).staff("agency");
        MockHttpServletRequestBuilder request = post("/cases").with(user(agency)).with(csrf());
        filing(500).forEach(request::param);

        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        String reference = response.getRedirectedUrl().substring("/cases/".length());
        FreezeRequest filed = freezeCaseService.request(reference, 1, agency);
        assertThat(cases.targetsOf(filed.id())).hasSize(500);
    }

    @Test
    void anAmendmentOfFiftyTargetsKeepsTheOverridesOfTargetsItDoesNotChangeAndNamesTheOthers() throws Exception {
        CaseStory story = new CaseStory(context);
        StaffUser agency = story.staff("agency");
        List<TargetRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(Filings.target("ETH", "USDT", ethAddress(1000 + i), "10"));
        }
        String reference = story.file(rows.toArray(TargetRow[]::new));
        long circle = story.counterparty("Circle");
        long kraken = story.counterparty("Kraken");
        CaseStory.as(agency, () -> {
            freezeCaseService.overrideRoute(reference, 1, 1, Set.of(circle), "Circle holds these through a partner", agency);
            freezeCaseService.overrideRoute(reference, 1, 2, Set.of(kraken), "Kraken desk confirmed by phone", agency);
            return null;
        });
        returnForAmendment(story, reference);

        Document amendPage = Jsoup.parse(mvc.perform(get("/cases/{r}/requests/1/amend", reference).with(user(agency)))
                .andReturn().getResponse().getContentAsString());
        Map<String, String> typed = fields(amendPage.selectFirst("form[action$=/amend]"));
        assertThat(typed.keySet().stream().filter(k -> k.endsWith(".address")).filter(k -> !typed.get(k).isEmpty())).hasSize(50);
        typed.put("targets[1].address", ethAddress(5000));
        typed.put("targets[2].amount", "20");
        MockHttpServletRequestBuilder amend = post("/cases/{r}/requests/1/amend", reference).with(user(agency)).with(csrf());
        typed.forEach(amend::param);

        MvcResult result = mvc.perform(amend).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        FreezeRequest request = freezeCaseService.request(reference, 1, agency);
        List<Target> targets = cases.targetsOf(request.id());
        assertThat(targets).hasSize(50);
        Map<Integer, List<TargetRoute>> routes = targets.stream().collect(Collectors.toMap(Target::lineNumber,
                t -> cases.routesOfTarget(t.id())));
        assertThat(routes.get(1)).extracting(TargetRoute::counterpartyId, TargetRoute::reason, TargetRoute::overrideReason)
                .as("the untouched target keeps its override").containsExactly(
                        org.assertj.core.groups.Tuple.tuple(circle, RouteReason.OVERRIDE, "Circle holds these through a partner"));
        assertThat(routes.get(2)).extracting(TargetRoute::reason).as("the changed target is routed anew")
                .doesNotContain(RouteReason.OVERRIDE);
        assertThat(routes.get(3)).extracting(TargetRoute::reason).doesNotContain(RouteReason.OVERRIDE);
        assertThat(result.getFlashMap().get("message")).asString()
                .contains("Route overrides dropped", "row 2", "Kraken").doesNotContain("row 1 ");
    }

    private void returnForAmendment(CaseStory story, String reference) {
        String taskId = context.getBean(TaskService.class).createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey("legalReview").singleResult().getId();
        DecisionForm decision = new DecisionForm();
        decision.setDecision(ReviewDecision.RETURN);
        decision.setComment("Add the deposit addresses' transaction hashes");
        StaffUser legal = story.staff("legal");
        CaseStory.as(legal, () -> {
            context.getBean(ReviewService.class).decide(taskId, decision, legal);
            return null;
        });
        story.runJobs(reference);
    }

    /** What a browser would send for the form as shown: every named input, the selected options, the text areas. */
    private static Map<String, String> fields(Element form) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (Element input : form.select("input[name], textarea[name], select[name]")) {
            String name = input.attr("name");
            if (name.equals("_csrf") || input.attr("type").equals("file") || input.attr("type").equals("submit")) {
                continue;
            }
            if ((input.attr("type").equals("checkbox") || input.attr("type").equals("radio")) && !input.hasAttr("checked")) {
                continue;
            }
            if (input.tagName().equals("select")) {
                Element selected = input.selectFirst("option[selected]");
                fields.put(name, selected == null ? "" : selected.val());
            } else if (input.tagName().equals("textarea")) {
                fields.put(name, input.text());
            } else {
                fields.put(name, input.val());
            }
        }
        return fields;
    }
}
