package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.FourEyesViolationException;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The emergency lane of freeze-request.bpmn (one on-call approval, fan-out at once, the second review after, release
 * notices when it rejects) and the do-not-notify flag, on the engine, the mail, the portal and the APIs.
 */
@FreezeDeskTest
class EmergencyLaneTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    /** The demo legal officer marked on call. */
    private static final String ON_CALL_ADDRESS = "lee@legal.example.org";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired ReviewService reviewService;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRepository counterparties;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired CounterpartyRequestService counterpartyRequestService;
    @Autowired StaffUserRepository users;
    @Autowired AuditLog audit;
    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired ApplicationContext context;

    private StaffUser agency;
    private StaffUser onCall;
    private StaffUser chief;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        agency = users.loadUserByUsername("agency");
        onCall = users.loadUserByUsername("legal");
        chief = users.loadUserByUsername("chief");
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anEmergencyRequestIsApprovedOnCallFansOutAtOnceAndGetsItsSecondReviewAfter() throws Exception {
        ProcessInstance process = file(emergency(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "5000")));
        String reference = process.getBusinessKey();
        assertThat(process).hasPassed("validateAndRoute", "alertOnCall").isWaitingAt("onCallApproval");
        assertThat(mailsTo(ON_CALL_ADDRESS)).extracting(EmergencyLaneTest::subject)
                .containsExactly("EMERGENCY freeze request " + reference + " needs an on-call approval");
        assertThat(reviewService.queue(chief)).as("chief is not on call").noneMatch(i -> i.freezeCase().reference().equals(reference));
        assertThat(reviewService.queue(onCall)).anyMatch(i -> i.freezeCase().reference().equals(reference) && i.onCallApproval());

        decide(process, "onCallApproval", onCall, ReviewDecision.APPROVE);

        assertThat(process).hasPassed("emergencyApproved").isWaitingAt("listCounterparties", "secondReview");
        runJobs(reference);
        assertThat(process).hasPassed("listCounterparties").isWaitingAt("counterpartyRequest", "secondReview");
        assertThat(request(reference).state()).isEqualTo(FreezeRequestState.APPROVED);
        runJobs(reference);
        assertThat(ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Tether"))
                .as("the counterparty is asked before any second review").hasSize(1);

        Task secondReview = task(process, "secondReview");
        assertThatThrownBy(() -> decide(process, "secondReview", onCall, ReviewDecision.APPROVE))
                .as("the on-call approver never does the second review").isInstanceOf(FourEyesViolationException.class);
        assertThat(taskService.createTaskQuery().taskId(secondReview.getId()).singleResult()).isNotNull();

        decide(process, "secondReview", chief, ReviewDecision.APPROVE);
        assertThat(process).hasPassed("secondReviewDecision", "emergencyRequestConfirmed").isWaitingAt("counterpartyRequest");
        assertThat(audit.forCase(reference)).extracting(AuditEvent::action).contains("ON_CALL_APPROVE", "SECOND_REVIEW_APPROVE");

        CounterpartyRequest tether = counterpartyRequest(reference, "Tether");
        long target = cases.targetsRoutedTo(tether.freezeRequestId(), tether.counterpartyId()).get(0).id();
        counterpartyRequestService.respond(tether, "Jo", "127.0.0.1",
                List.of(new NewOutcome(target, Outcome.FROZEN, new BigDecimal("5000"), null, null, null, null, null)),
                Actor.counterparty("Tether", tether.id()));
        runJobs(reference);
        assertThat(process).hasPassed("completeFreezeRequest").isWaitingAt("readSummary");
        assertThat(request(reference).state()).isEqualTo(FreezeRequestState.COMPLETED);
    }

    @Test
    void aSecondReviewThatRejectsTellsEveryNotifiedCounterpartyToReleaseAndThePortalShowsTheRequestWithdrawn() throws Exception {
        ProcessInstance process = file(emergency(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "700"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "2")));
        String reference = process.getBusinessKey();
        decide(process, "onCallApproval", onCall, ReviewDecision.APPROVE);
        runJobs(reference);
        // Tether answers every target at once, so its counterparty request has ended before the rejection; Binance still waits.
        CounterpartyRequest tether = counterpartyRequest(reference, "Tether");
        long tetherTarget = cases.targetsRoutedTo(tether.freezeRequestId(), tether.counterpartyId()).get(0).id();
        counterpartyRequestService.respond(tether, "Jo", "127.0.0.1",
                List.of(new NewOutcome(tetherTarget, Outcome.FROZEN, new BigDecimal("700"), "T-1", null, null, null, null)),
                Actor.counterparty("Tether", tether.id()));
        CounterpartyRequest binance = counterpartyRequest(reference, "Binance");
        assertThat(counterpartyRequests.find(tether.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);

        Instant rejectedAt = Instant.now();
        decide(process, "secondReview", chief, ReviewDecision.REJECT);
        new CaseStory(context).awaitListenersOfEventsSince(rejectedAt.minusSeconds(1));
        runJobs(reference);

        assertThat(process).hasPassed("releaseFreeze", "freezeReleased");
        assertThat(request(reference).state()).isEqualTo(FreezeRequestState.WITHDRAWN);
        for (String counterparty : List.of("Tether", "Binance")) {
            List<MimeMessage> mails = ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, counterparty);
            MimeMessage notice = mails.get(mails.size() - 1);
            assertThat(subject(notice)).as(counterparty).startsWith("Withdrawn: release the freeze of request " + reference);
            assertThat(text(notice)).as(counterparty).contains("RELEASE THE FREEZE", "withdrawn");
        }
        assertThat(counterpartyRequests.find(tether.id()).state()).isEqualTo(CounterpartyRequestState.WITHDRAWN);
        assertThat(counterpartyRequests.find(binance.id()).state()).isEqualTo(CounterpartyRequestState.WITHDRAWN);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CounterpartyRequestProcess.KEY).list()).as("the waiting counterparty request ended").isEmpty();
        assertThat(process).as("the withdrawn request still goes to the filer's summary").isWaitingAt("readSummary");
        assertThat(request(reference).state()).isEqualTo(FreezeRequestState.WITHDRAWN);

        String token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");
        String page = Jsoup.parse(portal(token)).text();
        assertThat(page).contains("This request was withdrawn: release the freeze", "not yet confirmed");
        assertThat(mvc.perform(post("/portal/" + token + "/releases").with(csrf()).param("submittedBy", "Jo Compliance")
                .param("targetIds", String.valueOf(tetherTarget))).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(Jsoup.parse(portal(token)).select("#release-targets").text()).contains("RELEASED (confirmed)")
                .doesNotContain("not yet confirmed");
        JsonNode document = json.readTree(mvc.perform(get("/api/v1/portal/request").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString());
        assertThat(document.get("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(document.get("targets").get(0).get("outcome").get("outcome").asText()).isEqualTo("RELEASED");

        String binanceToken = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Binance");
        MockHttpServletResponse answer = mvc.perform(post("/api/v1/portal/responses").header("Authorization", "Bearer " + binanceToken)
                .contentType(MediaType.APPLICATION_JSON).content("{\"submittedBy\": \"Bo\", \"outcomes\": []}")).andReturn().getResponse();
        assertThat(answer.getStatus()).as("a withdrawn request takes no freeze answers").isEqualTo(409);
    }

    @Test
    void aWithdrawnRequestEndsItsFreezeHoldsAndLeavesNothingToRecover() throws Exception {
        ProcessInstance process = file(emergency(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "700")));
        String reference = process.getBusinessKey();
        decide(process, "onCallApproval", onCall, ReviewDecision.APPROVE);
        runJobs(reference);
        CounterpartyRequest tether = counterpartyRequest(reference, "Tether");
        long target = cases.targetsRoutedTo(tether.freezeRequestId(), tether.counterpartyId()).get(0).id();
        Instant answeredAt = Instant.now();
        counterpartyRequestService.respond(tether, "Jo", "127.0.0.1", List.of(new NewOutcome(target, Outcome.FROZEN,
                new BigDecimal("700"), "T-1", LocalDate.now().plusDays(60), null, null, null)), Actor.counterparty("Tether", tether.id()));
        runJobs(reference);
        new CaseStory(context).awaitListenersOfEventsSince(answeredAt.minusSeconds(1));
        Document held = caseDocument(reference);
        assertThat(held.select("#freeze-holds .badge").text()).isEqualTo("HELD");
        assertThat(held.select("#file-recovery")).as("the frozen funds can be recovered").isNotEmpty();
        assertThat(freezeHoldProcesses(reference)).isEqualTo(1);

        Instant rejectedAt = Instant.now();
        decide(process, "secondReview", chief, ReviewDecision.REJECT);
        new CaseStory(context).awaitListenersOfEventsSince(rejectedAt.minusSeconds(1));
        runJobs(reference);

        Document withdrawn = caseDocument(reference);
        assertThat(withdrawn.select("#freeze-holds .badge").text()).as("no lapse to watch: Tether lifts the freeze").isEqualTo("RELEASED");
        assertThat(freezeHoldProcesses(reference)).as("the hold's timers went with it").isZero();
        assertThat(withdrawn.select("#file-recovery")).as("funds under a withdrawn request are not recovered").isEmpty();
        assertThat(Jsoup.parse(mvc.perform(get("/cases/{r}/recoveries/new", reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString()).select("#no-holdings")).isNotEmpty();
        assertThat(audit.forCase(reference)).extracting(AuditEvent::action).contains("HOLD_RELEASED");
    }

    private long freezeHoldProcesses(String reference) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("freeze-hold").processInstanceBusinessKey(reference).count();
    }

    @Test
    void whenNobodyOnCallApprovesTheOnCallOfficersAreRemindedAndTheFilerSeesIt() throws Exception {
        ProcessInstance process = file(emergency(Filings.target("TRON", "USDT", Filings.TRON_ADDRESS, "90")));
        String reference = process.getBusinessKey();
        Job timer = managementService.createJobQuery().processInstanceId(process.getId()).timers().activityId("onCallNotAnswered")
                .singleResult();
        // freezedesk.emergency.on-call-reminder-after, PT15M by default
        assertThat(timer.getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofMinutes(15))), 60_000);
        assertThat(casePage(reference)).contains("Waiting for an on-call legal officer's approval.");

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
        managementService.executeJob(timer.getId());
        runJobs(reference);

        assertThat(process).hasPassed("onCallNotAnswered", "remindOnCall").isWaitingAt("onCallApproval");
        assertThat(mailsTo(ON_CALL_ADDRESS)).extracting(EmergencyLaneTest::subject)
                .contains("Still waiting: EMERGENCY freeze request " + reference + " needs an on-call approval");
        FreezeRequest request = request(reference);
        assertThat(request.onCallReminders()).isEqualTo(1);
        assertThat(casePage(reference)).contains("On-call not yet answered, reminded at", "(1 reminder so far)");
        Job next = managementService.createJobQuery().processInstanceId(process.getId()).timers().activityId("onCallNotAnswered")
                .singleResult();
        assertThat(next).as("the reminder repeats while nobody answers").isNotNull();
        assertThat(next.getDuedate()).isAfter(timer.getDuedate());
    }

    @Test
    void doNotNotifyIsInTheMailThePortalAndTheApiAndEveryAnswerConfirmsIt() throws Exception {
        LocalDate until = LocalDate.now().plusMonths(6);
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "42"));
        form.setDoNotNotify(true);
        form.setDoNotNotifyBasis("Tipping-off offence, POCA 2002 s. 333A");
        form.setDoNotNotifyUntil(until);
        ProcessInstance process = file(form);
        String reference = process.getBusinessKey();
        decide(process, "legalReview", onCall, ReviewDecision.APPROVE);
        runJobs(reference);

        MimeMessage notification = ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Tether").get(0);
        assertThat(subject(notification)).startsWith("DO NOT NOTIFY THE CUSTOMER — Freeze request " + reference);
        assertThat(text(notification)).contains("DO NOT NOTIFY THE CUSTOMER", until.toString(), "POCA 2002 s. 333A");

        String token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");
        assertThat(Jsoup.parse(portal(token)).select("#do-not-notify").text())
                .contains("Do not notify the customer", until.toString(), "POCA 2002 s. 333A");
        JsonNode document = json.readTree(mvc.perform(get("/api/v1/portal/request").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString());
        assertThat(document.get("doNotNotify").get("until").asText()).isEqualTo(until.toString());
        assertThat(document.get("doNotNotify").get("legalBasis").asText()).contains("s. 333A");
        JsonNode caseDocument = json.readTree(mvc.perform(get("/api/v1/cases/" + reference).with(bearerOf(context, "agency")))
                .andReturn().getResponse().getContentAsString());
        assertThat(caseDocument.get("requests").get(0).get("doNotNotify").get("until").asText()).isEqualTo(until.toString());

        long target = cases.targetsOf(request(reference).id()).get(0).id();
        MockHttpServletResponse unconfirmedForm = mvc.perform(post("/portal/" + token + "/responses").with(csrf())
                .param("submittedBy", "Jo").param("submitterTitle", "MLRO")
                .param("outcomes[0].targetId", String.valueOf(target)).param("outcomes[0].outcome", "NO_FUNDS"))
                .andReturn().getResponse();
        assertThat(unconfirmedForm.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(unconfirmedForm.getContentAsString()).select("#doNotNotifyConfirmed-error").text())
                .contains("Confirm that you have not told your customer");
        mvc.perform(post("/api/v1/portal/acknowledgement").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Jo\", \"title\": \"MLRO\"}"));
        String answer = "{\"submittedBy\": \"Jo\", %s\"outcomes\": [{\"targetId\": %d, \"outcome\": \"FROZEN\", \"frozenAmount\": \"42\"}]}";
        MockHttpServletResponse unconfirmed = mvc.perform(post("/api/v1/portal/responses").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(answer.formatted("", target))).andReturn().getResponse();
        assertThat(unconfirmed.getStatus()).isEqualTo(400);
        assertThat(json.readTree(unconfirmed.getContentAsString()).get("errors").findValuesAsText("field")).containsExactly("doNotNotifyConfirmed");
        assertThat(counterpartyRequests.history(counterpartyRequest(reference, "Tether").id())).as("nothing stored").isEmpty();

        MockHttpServletResponse confirmed = mvc.perform(post("/api/v1/portal/responses").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content(answer.formatted("\"doNotNotifyConfirmed\": true, ", target)))
                .andReturn().getResponse();
        assertThat(confirmed.getStatus()).isEqualTo(201);
        assertThat(json.readTree(confirmed.getContentAsString()).get("responses").get(0).get("doNotNotifyConfirmed").asBoolean()).isTrue();

        List<AuditEvent> events = audit.forCase(reference);
        assertThat(events).filteredOn(e -> e.action().equals("DO_NOT_NOTIFY_SET")).singleElement()
                .satisfies(e -> assertThat(e.afterValue()).contains("until " + until, "POCA 2002 s. 333A"));
        assertThat(events).filteredOn(e -> e.action().equals("RESPONDED")).singleElement()
                .satisfies(e -> assertThat(e.afterValue()).contains("confirmed the customer was not notified"));
    }

    @Test
    void anEmergencyNeedsItsJustificationAndDoNotNotifyItsBasisAndAnEndNotPast() throws Exception {
        String body = """
                {"title": "Drift", "incidentSummary": "Drained", "legalBasis": "PoCA s. 41", "urgency": "EMERGENCY",
                 "emergencyJustification": " ", "doNotNotify": true, "doNotNotifyUntil": "%s",
                 "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "1"}]}""";
        MockHttpServletResponse refused = mvc.perform(post("/api/v1/cases").with(bearerOf(context, "agency"))
                .contentType(MediaType.APPLICATION_JSON).content(body.formatted(LocalDate.now().minusDays(1), Filings.ETH_ADDRESS)))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(400);
        JsonNode errors = json.readTree(refused.getContentAsString()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("emergencyJustification", "doNotNotifyBasis", "doNotNotifyUntil");
        assertThat(errors.toString()).contains("cannot wait for the usual legal review", "The end date cannot be in the past");

        MockHttpServletResponse formPage = mvc.perform(post("/cases").with(user(agency)).with(csrf())
                .param("title", "Drift").param("incidentSummary", "Drained").param("legalBasis", "PoCA s. 41")
                .param("urgency", "EMERGENCY").param("targets[0].chain", "ETH").param("targets[0].asset", "USDT")
                .param("targets[0].address", Filings.ETH_ADDRESS).param("targets[0].amount", "1")).andReturn().getResponse();
        assertThat(formPage.getStatus()).isEqualTo(200);
        assertThat(Jsoup.parse(formPage.getContentAsString()).select("#emergencyJustification-error").text())
                .isEqualTo("Say why this request cannot wait for the usual legal review");
    }

    private static FilingForm emergency(TargetRow... targets) {
        FilingForm form = Filings.form(targets);
        form.setUrgency(Urgency.EMERGENCY);
        form.setEmergencyJustification("Funds are being bridged out right now; the bridge has a six-hour window.");
        return form;
    }

    private ProcessInstance file(FilingForm form) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        String reference = freezeCaseService.file(form, targets, agency);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult();
    }

    private Task task(ProcessInstance process, String key) {
        return taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey(key).singleResult();
    }

    private void decide(ProcessInstance process, String key, StaffUser reviewer, ReviewDecision decision) {
        DecisionForm form = new DecisionForm();
        form.setDecision(decision);
        form.setComment(decision == ReviewDecision.APPROVE ? null : "The warrant does not cover these addresses");
        reviewService.decide(task(process, key).getId(), form, reviewer);
    }

    private FreezeRequest request(String reference) {
        return cases.requestsOf(cases.findCase(reference).orElseThrow().id()).get(0);
    }

    private CounterpartyRequest counterpartyRequest(String reference, String counterparty) {
        long counterpartyId = counterparties.findByName(counterparty).orElseThrow().id();
        return counterpartyRequests.forFreezeRequest(request(reference).id()).stream()
                .filter(cr -> cr.counterpartyId() == counterpartyId).findFirst().orElseThrow();
    }

    /** Runs every job of the case that is due, including those the jobs themselves create, as the job executor would. */
    private void runJobs(String reference) {
        boolean ran;
        do {
            ran = false;
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
                for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                    managementService.executeJob(job.getId());
                    ran = true;
                }
            }
        } while (ran);
    }

    private String portal(String token) throws Exception {
        return mvc.perform(get("/portal/" + token)).andReturn().getResponse().getContentAsString();
    }

    private String casePage(String reference) throws Exception {
        return caseDocument(reference).text();
    }

    private Document caseDocument(String reference) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/" + reference).with(user(agency))).andReturn().getResponse().getContentAsString());
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text and HTML bodies, decoded, as one text. */
    private static String text(Part part) {
        try {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    texts.add(text(body));
                }
                return String.join("\n", texts);
            }
            Object content = part.getContent();
            return content instanceof String s ? s : "";
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
