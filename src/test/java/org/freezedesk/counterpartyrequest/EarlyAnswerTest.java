package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * An answer that is stored while its process is not yet waiting for it (the notification step has not committed,
 * so the answer's correlation finds no one waiting) is still taken, without any further answer.
 */
@FreezeDeskTest
class EarlyAnswerTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired CounterpartyRequestService counterpartyRequestService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anAnswerPostedBeforeTheProcessReachesTheWaitIsTakenAndNoReminderFollows() {
        AbstractAssertions.init(engine);
        ApprovedRequests requests = new ApprovedRequests(context);
        String reference = requests.fileAndApprove(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        List<Job> notification = requests.dueJobs(reference);
        assertThat(notification).as("Tether's notification, not yet run").hasSize(1);
        CounterpartyRequest cr = requests.counterpartyRequest(reference, "Tether");
        ProcessInstance process = requests.process(cr);
        assertThat(process).isWaitingAt("sendNotification");

        counterpartyRequestService.respond(cr, "Jo Compliance", "127.0.0.1",
                cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).stream()
                        .map(t -> new NewOutcome(t.id(), Outcome.FROZEN, new BigDecimal("10"), "INT-1", null, null, null, null)).toList(),
                Actor.counterparty("Tether", cr.id()));
        assertThat(process).as("nobody was waiting for the answer yet").isWaitingAt("sendNotification");

        requests.executeJobs(reference);
        assertThat(process).hasPassedInOrder("sendNotification", "allTargetsAnswered", "closeCounterpartyRequest").isEnded();
        assertThat(counterpartyRequests.find(cr.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(7))));
        requests.executeJobs(reference);
        assertThat(ApprovedRequests.mails(greenMail.getReceivedMessages(), reference, "Tether")).as("the notification, and no reminder")
                .hasSize(1)
                .allSatisfy(mail -> assertThat(mail.getSubject()).startsWith("Freeze request " + reference));
    }
}
