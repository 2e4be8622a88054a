package org.freezedesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.freezedesk.audit.Actor;
import org.freezedesk.counterpartyrequest.CounterpartyResponded;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.internal.FreezeHold;
import org.freezedesk.recovery.internal.FreezeHoldProcess;
import org.freezedesk.recovery.internal.FreezeHoldRepository;
import org.freezedesk.recovery.internal.FreezeHoldService;
import org.freezedesk.recovery.internal.FreezeHoldState;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every wait of a freeze hold ends: it lapses on time although the filer never acts on the warning, and an
 * extension the counterparty confirms while the warning task is open is taken (the task goes, the timers move).
 */
@FreezeDeskTest
class FreezeHoldLapseTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired FreezeHoldRepository holds;
    @Autowired FreezeHoldService holdService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired ApplicationEventPublisher events;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aHoldLapsesOnTimeWhenTheFilerIgnoresTheWarning() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        LocalDate heldUntil = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        FreezeHold hold = heldAtTether(story, heldUntil);
        String reference = hold.caseReference();

        ClockUtil.setCurrentTime(startOf(heldUntil.minusDays(6)));
        story.runJobs(reference);
        assertThat(warningTasks(hold)).as("warned").isEqualTo(1);

        ClockUtil.setCurrentTime(startOf(heldUntil.plusDays(1)));
        story.runJobs(reference);
        assertThat(holds.find(hold.id()).state()).isEqualTo(FreezeHoldState.LAPSED);
        assertThat(warningTasks(hold)).as("the unanswered warning goes with the hold").isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(FreezeHoldProcess.KEY)
                .variableValueEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id()).count()).as("ended").isZero();
        StaffUser agency = story.staff("agency");
        assertThat(Jsoup.parse(mvc.perform(get("/cases/{r}", reference).with(user(agency))).andReturn().getResponse().getContentAsString())
                .select("#freeze-holds .badge").text()).isEqualTo("LAPSED");
    }

    @Test
    void anExtensionConfirmedWhileTheWarningTaskIsOpenIsTaken() {
        RecoveryStory story = new RecoveryStory(context);
        LocalDate heldUntil = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        FreezeHold hold = heldAtTether(story, heldUntil);
        ClockUtil.setCurrentTime(startOf(heldUntil.minusDays(6)));
        story.runJobs(hold.caseReference());
        assertThat(warningTasks(hold)).isEqualTo(1);

        LocalDate extended = heldUntil.plusDays(90);
        holdService.extend(hold, extended, Actor.counterparty("Tether", hold.counterpartyRequestId()));

        assertThat(warningTasks(hold)).as("the warning is answered by the extension").isZero();
        assertThat(holds.find(hold.id()).heldUntil()).isEqualTo(extended);
        String process = runtimeService.createProcessInstanceQuery().processDefinitionKey(FreezeHoldProcess.KEY)
                .variableValueEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id()).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(process).timers().singleResult().getDuedate())
                .as("the next warning, 7 days before the new date").isEqualTo(startOf(extended.minusDays(7)));

        ClockUtil.setCurrentTime(startOf(heldUntil.plusDays(1)));
        story.runJobs(hold.caseReference());
        assertThat(holds.find(hold.id()).state()).as("the old date passes without a lapse").isEqualTo(FreezeHoldState.HELD);
    }

    @Test
    void theAnswerToldAgainAfterAnExtensionDoesNotMoveTheDateBack() {
        RecoveryStory story = new RecoveryStory(context);
        LocalDate heldUntil = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        FreezeHold hold = heldAtTether(story, heldUntil);
        long answer = jdbc.sql("SELECT MAX(id) FROM counterparty_response WHERE counterparty_request_id = ?")
                .param(hold.counterpartyRequestId()).query(Long.class).single();
        LocalDate later = heldUntil.plusDays(30);
        holdService.extend(hold, later, Actor.counterparty("Tether", hold.counterpartyRequestId()));

        long freezeRequestId = jdbc.sql("SELECT freeze_request_id FROM counterparty_request WHERE id = ?")
                .param(hold.counterpartyRequestId()).query(Long.class).single();
        // Its listener failed after the answer committed, so the event is told again, after the extension.
        Instant toldAgain = Instant.now();
        transaction.executeWithoutResult(status -> events.publishEvent(new CounterpartyResponded(hold.counterpartyRequestId(), answer,
                freezeRequestId, hold.caseReference(),
                List.of(new CounterpartyResponded.TargetAnswer(hold.targetId(), Outcome.FROZEN, heldUntil)))));
        story.awaitListenersOfEventsSince(toldAgain);

        assertThat(holds.find(hold.id()).heldUntil()).as("the extension's date stands").isEqualTo(later);
    }

    private FreezeHold heldAtTether(RecoveryStory story, LocalDate heldUntil) {
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.acknowledge(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", heldUntil);
        return holds.forCase(story.freezeCase(reference).id()).get(0);
    }

    private long warningTasks(FreezeHold hold) {
        return taskService.createTaskQuery().processVariableValueEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id())
                .taskDefinitionKey(FreezeHoldProcess.ASK_FOR_EXTENSION).count();
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
