package org.freezedesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Four eyes: whoever filed a request can never complete its legal review, even holding the LEGAL role
 * and posting the decision by hand; and a decision that needs a reason is refused without one.
 */
@FreezeDeskTest
class FourEyesTest {

    @Autowired MockMvc mvc;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRepository counterparties;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    private StaffUser chief;
    private StaffUser legal;
    private StaffUser agency;
    private long tether;

    @BeforeEach
    void setUp() {
        chief = users.loadUserByUsername("chief");
        legal = users.loadUserByUsername("legal");
        agency = users.loadUserByUsername("agency");
        tether = counterparties.findByName("Tether").orElseThrow().id();
    }

    @Test
    void filerWithLegalRoleCannotApproveOwnRequestButAnotherLegalOfficerCan() throws Exception {
        assertThat(chief.getAuthorities()).extracting(Object::toString).contains("ROLE_AGENCY", "ROLE_LEGAL");
        String reference = file(chief);
        Task review = legalReview(reference);
        FreezeRequest request = request(reference);
        int decisionsBefore = decisions(request.id());
        int eventsBefore = auditEvents(reference);

        MockHttpServletResponse refused = mvc.perform(post("/review/" + review.getId()).with(user(chief)).with(csrf())
                        .param("decision", "APPROVE").param("comment", "Looks fine to me"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(Jsoup.parse(refused.getContentAsString()).text()).contains("someone else must review it");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult()).as("the review task is still open").isNotNull();
        assertThat(cases.request(request.id()).state()).isEqualTo(FreezeRequestState.IN_REVIEW);
        assertThat(decisions(request.id())).as("no legal decision stored").isEqualTo(decisionsBefore);
        assertThat(auditEvents(reference)).as("no audit event for a refused decision").isEqualTo(eventsBefore);
        assertThat(children(request)).as("no counterparty was contacted").isEmpty();

        Document ownPage = page("/review/" + review.getId(), chief);
        assertThat(ownPage.select("form[action$=\"/review/" + review.getId() + "\"]")).as("no decision form for the filer").isEmpty();
        assertThat(ownPage.select("input[name=decision]")).isEmpty();
        assertThat(ownPage.text()).contains("another legal officer must review it");

        Document legalPage = page("/review/" + review.getId(), legal);
        assertThat(legalPage.select("form[action$=\"/review/" + review.getId() + "\"] input[name=decision]"))
                .as("another legal officer gets the decision form").hasSize(3);

        MockHttpServletResponse approved = mvc.perform(post("/review/" + review.getId()).with(user(legal)).with(csrf())
                        .param("decision", "APPROVE").param("comment", ""))
                .andReturn().getResponse();

        assertThat(approved.getStatus()).isEqualTo(302);
        assertThat(approved.getRedirectedUrl()).isEqualTo("/review");
        assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult()).as("the review task is done").isNull();
        assertThat(cases.request(request.id()).state()).isEqualTo(FreezeRequestState.APPROVED);
        assertThat(jdbc.sql("SELECT decided_by FROM legal_decision WHERE freeze_request_id = ?").param(request.id())
                .query(String.class).list()).containsExactly("legal");
        assertThat(mvc.perform(get("/review/" + review.getId()).with(user(legal))).andReturn().getResponse().getStatus())
                .as("a decided review is gone").isEqualTo(404);
    }

    @Test
    void rejectingOrReturningWithoutACommentShowsAFieldErrorAndChangesNothing() throws Exception {
        String reference = file(agency);
        Task review = legalReview(reference);
        FreezeRequest request = request(reference);
        int decisionsBefore = decisions(request.id());
        int eventsBefore = auditEvents(reference);

        for (String decision : List.of("REJECT", "RETURN")) {
            for (String comment : new String[] {null, "", "   "}) {
                var call = post("/review/" + review.getId()).with(user(legal)).with(csrf()).param("decision", decision);
                if (comment != null) {
                    call.param("comment", comment);
                }
                MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
                String what = decision + " with comment [" + comment + "]";

                assertThat(response.getStatus()).as(what).isEqualTo(200);
                Document page = Jsoup.parse(response.getContentAsString());
                Element textarea = page.selectFirst("textarea[name=comment]");
                assertThat(textarea).as(what).isNotNull();
                assertThat(textarea.hasClass("is-invalid")).as(what + ": comment marked invalid").isTrue();
                Element feedback = textarea.nextElementSibling();
                assertThat(feedback).as(what).isNotNull();
                assertThat(feedback.hasClass("invalid-feedback")).as(what).isTrue();
                assertThat(feedback.text()).as(what).isEqualTo("Say why, so the filer knows what to change");
                assertThat(page.selectFirst("input[name=decision][value=" + decision + "]").hasAttr("checked"))
                        .as(what + ": the chosen decision is kept").isTrue();

                assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult()).as(what).isNotNull();
                assertThat(cases.request(request.id()).state()).as(what).isEqualTo(FreezeRequestState.IN_REVIEW);
                assertThat(decisions(request.id())).as(what).isEqualTo(decisionsBefore);
                assertThat(auditEvents(reference)).as(what).isEqualTo(eventsBefore);
            }
        }

        MockHttpServletResponse returned = mvc.perform(post("/review/" + review.getId()).with(user(legal)).with(csrf())
                        .param("decision", "RETURN").param("comment", "Add the date of the warrant"))
                .andReturn().getResponse();
        assertThat(returned.getStatus()).as("with a comment the same decision goes through").isEqualTo(302);
        assertThat(cases.request(request.id()).state()).isEqualTo(FreezeRequestState.RETURNED);
        assertThat(decisions(request.id())).isEqualTo(decisionsBefore + 1);
    }

    private String file(StaffUser filer) {
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "250000"));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        return freezeCaseService.file(form, targets, filer);
    }

    private Task legalReview(String reference) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult();
        return taskService.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW).singleResult();
    }

    private FreezeRequest request(String reference) {
        return cases.requestsOf(cases.findCase(reference).orElseThrow().id()).get(0);
    }

    private List<ProcessInstance> children(FreezeRequest request) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(request.processInstanceId()).list();
    }

    private Document page(String path, StaffUser user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(user(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as("GET " + path + " as " + user.getUsername()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    private int decisions(long requestId) {
        return jdbc.sql("SELECT COUNT(*) FROM legal_decision WHERE freeze_request_id = ?").param(requestId).query(Integer.class).single();
    }

    private int auditEvents(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE case_reference = ?").param(reference).query(Integer.class).single();
    }
}
