package org.freezedesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.CounterpartyResponded;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.internal.FreezeHold;
import org.freezedesk.recovery.internal.FreezeHoldProcess;
import org.freezedesk.recovery.internal.FreezeHoldRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A counterparty's held-until date opens a freeze hold (and so a lapse warning) whichever way its answer comes:
 * late, after the deadline, or after its counterparty request has already ended.
 */
@FreezeDeskTest
class FreezeHoldOnEveryPathTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired ApplicationContext context;
    @Autowired FreezeHoldRepository holds;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired CounterpartyRequestService counterpartyRequestService;
    @Autowired CaseRepository cases;
    @Autowired RuntimeService runtimeService;
    @Autowired HistoryService historyService;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void anAnswerOnTheLateResponsePathOpensAHold() {
        RecoveryStory story = new RecoveryStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                Filings.target("ETH", "USDT", "0xde0B295669a9FD93d5F28D9Ec85E40f4cb697BAe", "500"));
        story.approve(reference);
        CounterpartyRequest cr = story.counterpartyRequest(reference, "Tether");
        ClockUtil.setCurrentTime(Date.from(cr.dueAt().toInstant().plusSeconds(60)));
        story.runJobs(reference);
        assertThat(counterpartyRequests.find(cr.id()).state()).isEqualTo(CounterpartyRequestState.OVERDUE);
        List<Target> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
        LocalDate heldUntil = LocalDate.now(ZoneOffset.UTC).plusDays(90);

        story.acknowledge(reference, "Tether");
        respond(story, cr, targets.get(0), heldUntil);

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(cr))
                .activityId("lateResponseRecorded").list()).as("taken on the late-response path").isNotEmpty();
        List<FreezeHold> opened = holds.forCounterpartyRequest(cr.id());
        assertThat(opened).extracting(FreezeHold::targetId, FreezeHold::heldUntil).containsExactly(
                tuple(targets.get(0).id(), heldUntil));
        assertThat(freezeHoldProcesses(opened.get(0))).isEqualTo(1);
    }

    @Test
    void anAnswerAfterTheCounterpartyRequestEndedOpensAHoldAndAReplayOpensNoSecond() {
        RecoveryStory story = new RecoveryStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        CounterpartyRequest cr = story.counterpartyRequest(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000");
        assertThat(counterpartyRequests.find(cr.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processOf(cr)).count()).as("ended").isZero();
        assertThat(holds.forCounterpartyRequest(cr.id())).as("no held-until date yet").isEmpty();

        LocalDate heldUntil = LocalDate.now(ZoneOffset.UTC).plusDays(45);
        Target target = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).get(0);
        CounterpartyResponded answer = respond(story, cr, target, heldUntil);

        FreezeHold hold = holds.forCounterpartyRequest(cr.id()).get(0);
        assertThat(hold.heldUntil()).isEqualTo(heldUntil);
        assertThat(freezeHoldProcesses(hold)).isEqualTo(1);

        Instant replayedAt = Instant.now();
        transaction.executeWithoutResult(status -> events.publishEvent(answer));
        story.awaitListenersOfEventsSince(replayedAt);
        assertThat(holds.forCounterpartyRequest(cr.id())).as("a replayed answer opens no second hold").hasSize(1);
        assertThat(freezeHoldProcesses(hold)).as("nor a second process").isEqualTo(1);
    }

    @Test
    void onlyAnAnswerWithAHeldUntilDateIsKeptForTheFreezeHoldListener() {
        LocalDate heldUntil = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        assertThat(freezeHoldPublicationsFor(new CounterpartyResponded.TargetAnswer(1L, Outcome.FROZEN, null)))
                .as("no held-until date: nothing to keep, nothing to delete after").isZero();
        assertThat(freezeHoldPublicationsFor(new CounterpartyResponded.TargetAnswer(1L, Outcome.FROZEN, heldUntil)))
                .as("a held-until date: kept until the listener has opened the hold").isOne();
    }

    /** Publications stored for the freeze-hold listener when the event is published; rolled back after counting. */
    private long freezeHoldPublicationsFor(CounterpartyResponded.TargetAnswer answer) {
        return transaction.execute(status -> {
            events.publishEvent(new CounterpartyResponded(-1L, -1L, -1L, "FD-TEST", List.of(answer)));
            status.setRollbackOnly();
            return context.getBean(JdbcClient.class)
                    .sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE ?")
                    .param("%FreezeHoldService.counterpartyResponded%").query(Long.class).single();
        });
    }

    private CounterpartyResponded respond(RecoveryStory story, CounterpartyRequest cr, Target target, LocalDate heldUntil) {
        String reference = cases.caseOfRequest(cr.freezeRequestId()).reference();
        Instant respondedAt = Instant.now();
        counterpartyRequestService.respond(cr, "Jo Compliance", "127.0.0.1",
                List.of(new NewOutcome(target.id(), Outcome.FROZEN, target.amount(), "INT-1", heldUntil, null, null, null)),
                Actor.counterparty("Tether", cr.id()));
        story.awaitListenersOfEventsSince(respondedAt);
        story.runJobs(reference);
        long responseId = counterpartyRequests.latestOutcomes(cr.id()).get(target.id()).responseId();
        return new CounterpartyResponded(cr.id(), responseId, cr.freezeRequestId(), reference,
                List.of(new CounterpartyResponded.TargetAnswer(target.id(), Outcome.FROZEN, heldUntil)));
    }

    private String processOf(CounterpartyRequest cr) {
        return historyService.createHistoricVariableInstanceQuery().variableName(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID)
                .variableValueEquals(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, cr.id()).singleResult().getProcessInstanceId();
    }

    private long freezeHoldProcesses(FreezeHold hold) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(FreezeHoldProcess.KEY)
                .variableValueEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id()).count();
    }
}
