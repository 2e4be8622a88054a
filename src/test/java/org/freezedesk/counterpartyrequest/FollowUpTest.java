package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
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
import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Target;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Reminder, deadline and follow-up, with the engine's clock moved instead of waiting. Tether's SLA is 24 hours
 * and the filings are critical, so bpmn/counterparty-sla.dmn reminds after 6 hours and escalates after 12.
 */
@FreezeDeskTest
class FollowUpTest {

    private static final Duration REMIND_AFTER = Duration.ofHours(6);
    private static final Duration OVERDUE_AFTER = Duration.ofHours(12);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired MockMvc mvc;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired CounterpartyRequestService counterpartyRequestService;
    @Autowired AuditLog audit;

    private ApprovedRequests requests;
    /** The notification jobs ran between these two instants. */
    private Instant notifiedAt;
    private Instant mailedBy;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        requests = new ApprovedRequests(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anUnansweredRequestIsRemindedThenOverdueAndTheFilerFollowsUpUntilTheDeadlineIsExtended() throws Exception {
        String reference = notifiedToTether("1000");
        CounterpartyRequest cr = requests.counterpartyRequest(reference, "Tether");
        ProcessInstance process = requests.process(cr);
        assertThat(cr.dueAt().toInstant()).isBetween(notifiedAt.plus(OVERDUE_AFTER), mailedBy.plus(OVERDUE_AFTER));
        assertThat(text(lastMail())).contains("Please answer by " + utc(cr.dueAt()) + " UTC");

        moveClockTo(mailedBy.plus(REMIND_AFTER));
        requests.executeJobs(reference);
        assertThat(process).hasPassed("sendReminder").isWaitingAt("awaitResponse");
        assertThat(lastMail().getSubject()).startsWith("Reminder: freeze request " + reference);

        moveClockTo(mailedBy.plus(OVERDUE_AFTER));
        requests.executeJobs(reference);
        assertThat(process).hasPassed("deadlineReached", "markOverdue", "sendEscalationNotice").isWaitingAt("followUp");
        assertThat(counterpartyRequests.find(cr.id()).state()).isEqualTo(CounterpartyRequestState.OVERDUE);
        assertThat(lastMail().getSubject()).startsWith("Overdue: freeze request " + reference);
        assertThat(actions(reference)).contains("REMINDER_SENT", "COUNTERPARTY_REQUEST_OVERDUE", "ESCALATION_NOTICE_SENT");
        assertThat(followUp(process).getAssignee()).isEqualTo("agency");

        Document casePage = casePage(reference);
        assertThat(casePage.select("#follow-up-" + cr.id()).text()).contains("Tether has not fully answered request 1 by its deadline");
        assertThat(casePage.select("#follow-up-" + cr.id() + " form")).hasSize(3);
        assertThat(send(post(path(reference, cr, "contacts")).param("channel", "PHONE").param("note", "x")
                .with(user(requests.user("agency2"))).with(csrf())).getStatus()).as("another agency's user").isEqualTo(404);

        Document refused = Jsoup.parse(send(asFiler(post(path(reference, cr, "contacts")).param("channel", "PHONE").param("note", " ")))
                .getContentAsString());
        assertThat(refused.select("#note-" + cr.id() + " + .invalid-feedback").text()).isEqualTo("Say whom you reached and what was agreed");
        assertThat(refused.select("#channel-" + cr.id() + "-PHONE").attr("checked")).isEqualTo("checked");
        assertThat(counterpartyRequests.followUpContacts(cr.id())).isEmpty();

        assertThat(send(asFiler(post(path(reference, cr, "contacts")).param("channel", "PHONE")
                .param("note", "Called their duty desk: freeze under way, answer by tonight"))).getStatus()).isEqualTo(302);
        assertThat(process).isWaitingAt("followUp");
        assertThat(casePage(reference).select("#counterparty-link-" + cr.id()).text())
                .contains("phone, agency: Called their duty desk: freeze under way, answer by tonight");

        assertThat(send(asFiler(post(path(reference, cr, "resend")))).getStatus()).isEqualTo(302);
        requests.executeJobs(reference);
        assertThat(process).hasPassed("resendRequest").isWaitingAt("followUp");
        assertThat(lastMail().getSubject()).startsWith("Freeze request (sent again) " + reference);
        assertThat(text(lastMail())).contains("We are sending this request again");

        Document past = Jsoup.parse(send(asFiler(post(path(reference, cr, "deadline")).param("newDeadline", "2020-01-01T12:00")))
                .getContentAsString());
        assertThat(past.select("#deadline-" + cr.id() + " + .invalid-feedback").text()).isEqualTo("The new deadline must be in the future");
        assertThat(past.select("#deadline-" + cr.id()).val()).isEqualTo("2020-01-01T12:00");
        assertThat(process).isWaitingAt("followUp");

        LocalDateTime newDeadline = LocalDateTime.ofInstant(notifiedAt.plus(Duration.ofDays(2)), ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        assertThat(send(asFiler(post(path(reference, cr, "deadline")).param("newDeadline", newDeadline.toString()))).getStatus())
                .isEqualTo(302);
        assertThat(process).isWaitingAt("awaitResponse");
        CounterpartyRequest extended = counterpartyRequests.find(cr.id());
        assertThat(extended.state()).isEqualTo(CounterpartyRequestState.NOTIFIED);
        assertThat(extended.dueAt().toInstant()).isEqualTo(newDeadline.toInstant(ZoneOffset.UTC));
        Job escalation = managementService.createJobQuery().processInstanceId(process.getId()).activityId("deadlineReached").singleResult();
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(newDeadline.toInstant(ZoneOffset.UTC));
        assertThat(actions(reference)).contains("FOLLOW_UP_CONTACT_RECORDED", "FOLLOW_UP_RESEND", "NOTIFICATION_RESENT", "DEADLINE_EXTENDED");

        moveClockTo(newDeadline.toInstant(ZoneOffset.UTC).plusSeconds(60));
        requests.executeJobs(reference);
        assertThat(process).isWaitingAt("followUp");
        assertThat(counterpartyRequests.find(cr.id()).state()).as("overdue again at the new deadline").isEqualTo(CounterpartyRequestState.OVERDUE);
    }

    @Test
    void lateAnswersAreTakenWhileFollowingUpAndTheLastOneClosesTheRequest() throws Exception {
        String reference = notifiedToTether("1000", "500");
        CounterpartyRequest cr = requests.counterpartyRequest(reference, "Tether");
        ProcessInstance process = requests.process(cr);
        moveClockTo(mailedBy.plus(OVERDUE_AFTER));
        requests.executeJobs(reference);
        assertThat(process).isWaitingAt("followUp");
        List<Target> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
        Actor contact = Actor.counterparty("Tether", cr.id());

        counterpartyRequestService.acknowledge(cr, "Jo", "MLRO", contact);
        counterpartyRequestService.respond(cr, "Jo", "127.0.0.1", List.of(frozen(targets.get(0))), contact);
        assertThat(process).hasPassed("lateResponse", "lateResponseRecorded").isWaitingAt("followUp");
        assertThat(counterpartyRequests.find(cr.id()).state()).as("still overdue: one target unanswered").isEqualTo(CounterpartyRequestState.OVERDUE);

        counterpartyRequestService.respond(cr, "Jo", "127.0.0.1", List.of(frozen(targets.get(1))), contact);
        assertThat(process).hasPassed("closeCounterpartyRequest", "counterpartyRequestClosed").isEnded();
        assertThat(counterpartyRequests.find(cr.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("followUp").list()).isEmpty();
        assertThat(casePage(reference).select(".follow-up")).isEmpty();

        requests.executeJobs(reference);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("readSummary").singleResult())
                .as("the freeze request goes on to its summary").isNotNull();
    }

    private String notifiedToTether(String... amounts) {
        long tether = requests.counterpartyId("Tether");
        String[] addresses = {Filings.ETH_ADDRESS, "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe"};
        TargetRow[] rows = new TargetRow[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            rows[i] = Filings.target("ETH", "USDT", addresses[i], amounts[i]);
        }
        String reference = requests.fileAndApprove(rows);
        notifiedAt = Instant.now();
        requests.executeJobs(reference);
        mailedBy = Instant.now();
        return reference;
    }

    private static NewOutcome frozen(Target target) {
        return new NewOutcome(target.id(), Outcome.FROZEN, target.amount(), null, null, null, null, null);
    }

    private Task followUp(ProcessInstance process) {
        return taskService.createTaskQuery().processInstanceId(process.getId()).taskDefinitionKey("followUp").singleResult();
    }

    private List<String> actions(String reference) {
        return audit.forCase(reference).stream().map(AuditEvent::action).toList();
    }

    private MimeMessage lastMail() {
        MimeMessage[] received = greenMail.getReceivedMessages();
        return received[received.length - 1];
    }

    private Document casePage(String reference) throws Exception {
        return Jsoup.parse(send(get("/cases/" + reference).with(user(requests.user("agency")))).getContentAsString());
    }

    private MockHttpServletRequestBuilder asFiler(MockHttpServletRequestBuilder request) {
        return request.with(user(requests.user("agency"))).with(csrf());
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String path(String reference, CounterpartyRequest cr, String action) {
        return "/cases/" + reference + "/counterparty-requests/" + cr.id() + "/" + action;
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private static String utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
    }

    private static String text(MimeMessage mail) throws MessagingException {
        return GreenMailUtil.getBody(mail);
    }
}
