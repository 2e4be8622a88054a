package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;

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
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.directory.internal.AttributionImportService;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.BeanPropertyBindingResult;

/** Drives freeze-request.bpmn and counterparty-request.bpmn on the engine and checks the path taken. */
@FreezeDeskTest
class FreezeRequestProcessTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

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
    @Autowired AccessLinks accessLinks;
    @Autowired StaffUserRepository users;
    @Autowired AttributionImportService attributions;
    @Autowired JdbcClient jdbc;

    /** Attributed to Binance in the demo directory. */
    private static final String BINANCE_ETH_ADDRESS = "0x28C6c06298d514Db089934071355E5743bf21d60";
    private static final String ONWARD_TX = "0x" + "ab".repeat(32);

    private StaffUser agency;
    private StaffUser legal;
    private long tether;
    private long binance;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        agency = users.loadUserByUsername("agency");
        legal = users.loadUserByUsername("legal");
        tether = counterparties.findByName("Tether").orElseThrow().id();
        binance = counterparties.findByName("Binance").orElseThrow().id();
        AttributionImportService.Result attributed = attributions.importCsv("test.csv", ("chain,address,exchange,source,date\n"
                + "BTC," + Filings.BTC_ADDRESS + ",Binance,test attribution,2026-01-01\n").getBytes(StandardCharsets.UTF_8), "test");
        assertThat(attributed.problems()).isEmpty();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void approvedRequestFansOutToEveryCounterpartyAndEndsWhenAllHaveAnswered() throws Exception {
        ProcessInstance freezeRequest = file(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000.5"),
                Filings.target("BTC", "BTC", Filings.BTC_ADDRESS, "all"));
        assertThat(freezeRequest).hasPassed("validateAndRoute").isWaitingAt("legalReview");

        decide(freezeRequest, ReviewDecision.APPROVE, null);
        assertThat(children(freezeRequest)).as("the approval commits before the fan-out runs").isEmpty();
        Job fanOut = managementService.createJobQuery().processInstanceId(freezeRequest.getId()).singleResult();
        assertThat(fanOut).as("the fan-out waits for the job executor").isNotNull();
        assertThat(freezeRequest).isWaitingAt("listCounterparties");
        assertThat(legalDecisionsOf(freezeRequest)).as("the decision is stored").isEqualTo(1);
        managementService.executeJob(fanOut.getId());

        List<ProcessInstance> children = children(freezeRequest);
        assertThat(children).hasSize(2);
        for (ProcessInstance child : children) {
            assertThat(child).hasPassed("createCounterpartyRequest").isWaitingAt("sendNotification");
        }
        executeJobs(children);
        assertThat(greenMail.getReceivedMessages()).hasSize(4); // two contacts per counterparty
        for (ProcessInstance child : children) {
            assertThat(child).hasPassed("sendNotification").isWaitingAt("awaitResponse");
        }

        for (ProcessInstance child : children) {
            CounterpartyRequest cr = counterpartyRequest(child);
            List<Target> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
            counterpartyRequestService.acknowledge(cr, "Jo Compliance", "MLRO", Actor.counterparty("test", cr.id()));
            counterpartyRequestService.respond(cr, "Jo Compliance", "127.0.0.1",
                    List.of(new NewOutcome(targets.get(0).id(), Outcome.FROZEN, new BigDecimal("0.75"), "INT-1", null, null, null, null)),
                    Actor.counterparty("test", cr.id()));
            assertThat(child).hasPassedInOrder("awaitResponse", "allTargetsAnswered", "closeCounterpartyRequest").isEnded();
            assertThat(counterpartyRequests.find(cr.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);
        }

        executeJobs(List.of(freezeRequest));
        assertThat(freezeRequest).hasPassed("counterpartyRequest", "completeFreezeRequest").isWaitingAt("readSummary");
        Task summary = taskService.createTaskQuery().processInstanceId(freezeRequest.getId()).singleResult();
        assertThat(summary.getAssignee()).isEqualTo("agency");

        freezeCaseService.readSummary(freezeRequest.getBusinessKey(), 1, agency);
        assertThat(freezeRequest).hasPassed("readSummary").isEnded();
        assertThat(cases.request(requestId(freezeRequest.getBusinessKey())).state()).isEqualTo(FreezeRequestState.COMPLETED);
    }

    /** Binance's deposit address holding USDT: Tether can blacklist it and Binance can freeze it, the same funds. */
    @Test
    void fundsFrozenByBothIssuerAndExchangeCountOnceInTheCaseTotals() {
        ProcessInstance freezeRequest = file(Filings.target("ETH", "USDT", BINANCE_ETH_ADDRESS, "100"));
        approve(freezeRequest);
        List<ProcessInstance> children = children(freezeRequest);
        assertThat(children).extracting(child -> counterpartyRequest(child).counterpartyId()).containsExactlyInAnyOrder(tether, binance);
        executeJobs(children);

        for (ProcessInstance child : children) {
            CounterpartyRequest cr = counterpartyRequest(child);
            long target = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).get(0).id();
            counterpartyRequestService.respond(cr, "Jo", "127.0.0.1",
                    List.of(new NewOutcome(target, Outcome.FROZEN, new BigDecimal("100"), null, null, null, null, null)),
                    Actor.counterparty("test", cr.id()));
        }

        assertThat(freezeCaseService.view(freezeRequest.getBusinessKey(), agency).totals())
                .extracting(CaseView.TotalRow::asset, CaseView.TotalRow::requested, CaseView.TotalRow::frozen)
                .containsExactly(tuple("USDT", "100", "100"));
    }

    @Test
    void partialAnswerKeepsTheCounterpartyRequestWaiting() {
        ProcessInstance freezeRequest = file(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"),
                Filings.target("TRON", "USDT", Filings.TRON_ADDRESS, "20"));
        approve(freezeRequest);
        ProcessInstance child = children(freezeRequest).get(0);
        executeJobs(List.of(child));
        CounterpartyRequest cr = counterpartyRequest(child);
        List<Target> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());

        counterpartyRequestService.respond(cr, "Jo", "127.0.0.1",
                List.of(new NewOutcome(targets.get(0).id(), Outcome.NO_FUNDS, null, null, null, null, null, null)),
                Actor.counterparty("test", cr.id()));
        assertThat(child).hasPassed("allTargetsAnswered").isWaitingAt("awaitResponse");

        counterpartyRequestService.respond(cr, "Jo", "127.0.0.1",
                List.of(new NewOutcome(targets.get(1).id(), Outcome.DECLINED, null, null, null, null, null, "needs a local court order")),
                Actor.counterparty("test", cr.id()));
        assertThat(child).hasPassed("closeCounterpartyRequest").isEnded();
    }

    @Test
    void returnedRequestGoesBackToTheFilerAndThenToReviewAgain() {
        ProcessInstance freezeRequest = file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "5"));
        decide(freezeRequest, ReviewDecision.RETURN, "Add the warrant date");
        assertThat(freezeRequest).isWaitingAt("amendRequest");
        assertThat(taskService.createTaskQuery().processInstanceId(freezeRequest.getId()).singleResult().getAssignee())
                .isEqualTo("agency");
        assertThat(cases.request(requestId(freezeRequest.getBusinessKey())).state()).isEqualTo(FreezeRequestState.RETURNED);

        FilingForm amended = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "7"));
        amended.setCourtOrderReference("WARRANT-2026-77 of 2026-11-20");
        freezeCaseService.amend(freezeRequest.getBusinessKey(), 1, amended, validTargets(amended), agency);

        assertThat(freezeRequest).hasPassedInOrder("legalReview", "amendRequest", "validateAndRoute").isWaitingAt("legalReview");
        FreezeRequest request = cases.request(requestId(freezeRequest.getBusinessKey()));
        assertThat(request.state()).isEqualTo(FreezeRequestState.IN_REVIEW);
        assertThat(request.courtOrderReference()).isEqualTo("WARRANT-2026-77 of 2026-11-20");
        assertThat(cases.targetsOf(request.id())).extracting(Target::amountText).containsExactly("7");
    }

    @Test
    void rejectedRequestEndsWithoutContactingAnyCounterparty() {
        ProcessInstance freezeRequest = file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "5"));
        decide(freezeRequest, ReviewDecision.REJECT, "No legal basis for this jurisdiction");
        assertThat(freezeRequest).hasPassed("freezeRequestRejected").hasNotPassed("counterpartyRequest").isEnded();
        assertThat(children(freezeRequest)).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void unansweredCriticalRequestIsRemindedAfterAQuarterOfTheSlaWithAFreshLink() throws Exception {
        ProcessInstance freezeRequest = file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "5"));
        approve(freezeRequest);
        ProcessInstance child = children(freezeRequest).get(0);
        executeJobs(List.of(child));
        String firstLink = TestMail.portalPath(greenMail.getReceivedMessages()[0]);
        assertThat(accessLinks.resolve(token(firstLink))).isPresent();

        Job reminder = managementService.createJobQuery().processInstanceId(child.getId()).timers().activityId("reminderDue").singleResult();
        // bpmn/counterparty-sla.dmn: a critical request is reminded after a quarter of the counterparty's SLA.
        Duration remindAfter = Duration.ofHours(counterparties.findById(tether).orElseThrow().responseSlaHours()).dividedBy(4);
        assertThat(reminder.getDuedate()).isCloseTo(Date.from(Instant.now().plus(remindAfter)), 60_000);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(remindAfter).plusSeconds(60)));
        executeJobs(List.of(child));

        assertThat(child).hasPassed("reminderDue", "sendReminder").isWaitingAt("awaitResponse");
        MimeMessage[] messages = greenMail.getReceivedMessages();
        MimeMessage reminderMail = messages[messages.length - 1];
        assertThat(reminderMail.getSubject()).startsWith("Reminder: freeze request " + freezeRequest.getBusinessKey());
        assertThat(accessLinks.resolve(token(TestMail.portalPath(reminderMail)))).isPresent();
        assertThat(accessLinks.resolve(token(firstLink))).as("the earlier link stops working").isEmpty();
    }

    @Test
    void fundsMovedLeadBecomesASupplementaryRequestThatReachesANewCounterpartyWhileTheFirstStillWaits() {
        ProcessInstance freezeRequest = file(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "500"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "2"));
        approve(freezeRequest);
        List<ProcessInstance> firstCounterparties = children(freezeRequest);
        executeJobs(firstCounterparties);
        ProcessInstance tetherRequest = childFor(firstCounterparties, tether);
        ProcessInstance binanceRequest = childFor(firstCounterparties, binance);

        CounterpartyRequest tetherCr = counterpartyRequest(tetherRequest);
        long tetherTarget = cases.targetsRoutedTo(tetherCr.freezeRequestId(), tetherCr.counterpartyId()).get(0).id();
        counterpartyRequestService.respond(tetherCr, "Jo", "127.0.0.1", List.of(new NewOutcome(tetherTarget, Outcome.FUNDS_MOVED,
                null, null, null, ONWARD_TX, Filings.OKX_ETH_ADDRESS, null)), Actor.counterparty("test", tetherCr.id()));
        assertThat(tetherRequest).isEnded();

        String reference = freezeRequest.getBusinessKey();
        List<Lead> leads = freezeCaseService.view(reference, agency).leads();
        assertThat(leads).singleElement().satisfies(lead -> {
            assertThat(lead.onwardAddress()).isEqualTo(Filings.OKX_ETH_ADDRESS);
            assertThat(lead.followedUp()).isFalse();
        });

        FilingForm supplementary = freezeCaseService.supplementaryForm(reference, List.of(leads.get(0).outcomeId()), agency);
        supplementary.dropBlankTargets();
        assertThat(supplementary.getTargets()).extracting(TargetRow::getAddress).containsExactly(Filings.OKX_ETH_ADDRESS);
        assertThat(freezeCaseService.fileSupplementary(reference, supplementary, validTargets(supplementary), agency)).isEqualTo(2);

        assertThat(freezeRequest).hasPassed("supplementaryRequestFiled").isWaitingAt("supplementaryFreezeRequest", "counterpartyRequest");
        ProcessInstance supplementaryRequest = runtimeService.createProcessInstanceQuery().superProcessInstanceId(freezeRequest.getId())
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult();
        assertThat(supplementaryRequest).hasPassed("validateAndRoute").isWaitingAt("legalReview");
        assertThat(reviewService.queue(users.loadUserByUsername("legal"))).extracting(item -> item.request().sequenceNumber()).contains(2);

        approve(supplementaryRequest);
        List<ProcessInstance> newCounterparties = children(supplementaryRequest);
        executeJobs(newCounterparties);
        long okx = counterparties.findByName("OKX").orElseThrow().id();
        assertThat(newCounterparties).extracting(child -> counterpartyRequest(child).counterpartyId()).contains(okx);
        assertThat(childFor(newCounterparties, okx)).isWaitingAt("awaitResponse");
        assertThat(greenMail.getReceivedMessages()).extracting(MimeMessage::getAllRecipients)
                .anySatisfy(to -> assertThat(to).extracting(Object::toString).contains("compliance@okx.example.org"));
        assertThat(binanceRequest).as("the first request's other counterparty is still answering").isWaitingAt("awaitResponse");
        assertThat(freezeCaseService.view(reference, agency).leads()).singleElement().extracting(Lead::followedUp).isEqualTo(true);
    }

    private ProcessInstance childFor(List<ProcessInstance> children, long counterpartyId) {
        return children.stream().filter(child -> counterpartyRequest(child).counterpartyId() == counterpartyId).findFirst().orElseThrow();
    }

    private ProcessInstance file(TargetRow... targets) {
        FilingForm form = Filings.form(targets);
        String reference = freezeCaseService.file(form, validTargets(form), agency);
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult();
    }

    private List<NewTarget> validTargets(FilingForm form) {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        return targets;
    }

    /** Approves and runs the fan-out job, as the job executor would right after the approval commits. */
    private void approve(ProcessInstance freezeRequest) {
        decide(freezeRequest, ReviewDecision.APPROVE, null);
        executeJobs(List.of(freezeRequest));
    }

    private long legalDecisionsOf(ProcessInstance freezeRequest) {
        return jdbc.sql("SELECT COUNT(*) FROM legal_decision d JOIN freeze_request r ON r.id = d.freeze_request_id "
                + "JOIN freeze_case c ON c.id = r.case_id WHERE c.reference = ?").param(freezeRequest.getBusinessKey())
                .query(Long.class).single();
    }

    private void decide(ProcessInstance freezeRequest, ReviewDecision decision, String comment) {
        Task review = taskService.createTaskQuery().processInstanceId(freezeRequest.getId()).taskDefinitionKey("legalReview").singleResult();
        DecisionForm form = new DecisionForm();
        form.setDecision(decision);
        form.setComment(comment);
        reviewService.decide(review.getId(), form, legal);
    }

    private List<ProcessInstance> children(ProcessInstance parent) {
        return runtimeService.createProcessInstanceQuery().superProcessInstanceId(parent.getId()).list();
    }

    private CounterpartyRequest counterpartyRequest(ProcessInstance child) {
        return counterpartyRequests.find((Long) runtimeService.getVariable(child.getId(), CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID));
    }

    private long requestId(String reference) {
        return cases.requestsOf(cases.findCase(reference).orElseThrow().id()).get(0).id();
    }

    /** Runs every job that is due, including those the jobs themselves create, as the job executor would. */
    private void executeJobs(List<ProcessInstance> instances) {
        boolean ran;
        do {
            ran = false;
            for (ProcessInstance instance : instances) {
                for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).executable().list()) {
                    managementService.executeJob(job.getId());
                    ran = true;
                }
            }
        } while (ran);
    }

    private static String token(String portalPath) {
        return portalPath.substring("/portal/".length());
    }
}
