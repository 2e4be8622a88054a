package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.TaskService;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TargetFiles;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** The case page as the investigator's work surface, and the filing form's labels and rows. */
@FreezeDeskTest
class CasePageTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired ReviewService reviewService;

    @Test
    void everyFieldOfTheFilingFormHasItsLabel() throws Exception {
        Document form = page("/cases/new", new CaseStory(context).staff("agency"));
        List<Element> fields = form.select("main input:not([type=hidden]), main select, main textarea");
        assertThat(fields).isNotEmpty();
        for (Element field : fields) {
            assertThat(form.select("label[for=\"" + field.id() + "\"]")).as("label of " + field.attr("name")).hasSize(1);
        }
        assertThat(form.select("label[for=title]")).hasSize(1);
    }

    @Test
    void addingARowKeepsWhatWasTypedWithoutCheckingTheUntouchedForm() throws Exception {
        StaffUser agency = new CaseStory(context).staff("agency");
        var request = multipart("/cases").param("addRow", "1").param("title", "Half typed");
        for (int row = 0; row < 3; row++) {
            for (String field : List.of("chain", "asset", "address", "amount")) {
                request.param("targets[" + row + "]." + field, "");
            }
        }
        Document form = Jsoup.parse(mvc.perform(request.with(user(agency)).with(csrf())).andReturn().getResponse().getContentAsString());
        assertThat(form.text()).doesNotContain("The request was not saved");
        assertThat(form.select(".is-invalid")).isEmpty();
        assertThat(form.select(".target-row")).hasSize(4);
        assertThat(form.selectFirst("#title").val()).isEqualTo("Half typed");
    }

    @Test
    void theCasePageShowsEachAnswerAPageAtATimeFilteredAndLegalsReturnComment() throws Exception {
        CaseStory story = new CaseStory(context);
        StaffUser agency = story.staff("agency");
        List<String> addresses = TargetFiles.ethAddresses(60, 12);
        String reference = story.file(addresses.stream().map(a -> Filings.target("ETH", "USDT", a, "10")).toArray(TargetRow[]::new));
        returnForAmendment(reference, story, "Add the MLAT reference");
        Document returned = page("/cases/" + reference, agency);
        assertThat(returned.select(".return-comment").text()).contains("Add the MLAT reference");
        assertThat(returned.select(".review-history").text()).contains("Returned for amendment").contains("Add the MLAT reference");
        assertThat(page("/cases/" + reference + "/requests/1/amend", agency).select("#review-comments").text())
                .contains("Add the MLAT reference");

        String amendTask = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("amendRequest")
                .singleResult().getId();
        CaseStory.as(agency, () -> {
            taskService.complete(amendTask);
            return null;
        });
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.FROZEN, "10");

        Document first = page("/cases/" + reference, agency);
        assertThat(first.select("table.answers tbody tr")).hasSize(50);
        assertThat(first.select("table.answers tbody tr td.outcome").eachText()).containsOnly("Frozen");
        assertThat(first.select("a[rel=next]")).hasSize(1);
        Document second = page(first.selectFirst("a[rel=next]").attr("href"), agency);
        assertThat(second.select("table.answers tbody tr")).hasSize(10);
        assertThat(second.select("a[rel=prev]")).hasSize(1);

        assertThat(page("/cases/" + reference + "?outcome=DECLINED", agency).select("#no-answers")).hasSize(1);
        assertThat(page("/cases/" + reference + "?outcome=FROZEN&page=2", agency).select("table.answers tbody tr")).hasSize(10);
        assertThat(page("/cases/" + reference + "?outcome=nonsense&counterparty=x&page=-4", agency).select("table.answers tbody tr"))
                .as("unknown filters are ignored").hasSize(50);
        assertThat(first.select("#counterparty-requests tbody tr").text()).contains("min");
    }

    private void returnForAmendment(String reference, CaseStory story, String comment) {
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("legalReview")
                .singleResult().getId();
        DecisionForm form = new DecisionForm();
        form.setDecision(ReviewDecision.RETURN);
        form.setComment(comment);
        StaffUser legal = story.staff("legal");
        CaseStory.as(legal, () -> {
            reviewService.decide(taskId, form, legal);
            return null;
        });
        story.runJobs(reference);
    }

    private Document page(String path, StaffUser user) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(user))).andReturn().getResponse().getContentAsString());
    }
}
