package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;

import java.math.BigDecimal;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * An answer and what its process makes of it commit together: a counterparty is never told its answer was taken while
 * the process has not taken it, and an answer is stored once however often the engine's own work collides with it.
 */
@FreezeDeskTest
class AnswerTransactionTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @MockitoSpyBean(name = CounterpartyRequestProcess.CHECK_ANSWERS) JavaDelegate checkAnswers;
    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired CounterpartyRequestService counterpartyRequestService;
    @Autowired JdbcClient jdbc;

    private CounterpartyRequest tether;
    private ProcessInstance process;

    @BeforeEach
    void tetherWaitsForItsAnswer() {
        AbstractAssertions.init(engine);
        ApprovedRequests requests = new ApprovedRequests(context);
        String reference = requests.notified(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        tether = requests.counterpartyRequest(reference, "Tether");
        process = requests.process(tether);
        assertThat(process).isWaitingAt("awaitResponse");
    }

    @Test
    void anAnswerItsProcessCannotTakeIsNotStoredAndCanBeSentAgain() throws Exception {
        doThrow(new IllegalStateException("the process failed")).doCallRealMethod().when(checkAnswers).execute(any());

        assertThatThrownBy(this::answer).hasMessageContaining("the process failed");
        assertThat(counterpartyRequests.history(tether.id())).as("nothing half-done").isEmpty();
        assertThat(process).isWaitingAt("awaitResponse");

        answer();
        assertThat(counterpartyRequests.history(tether.id())).hasSize(1);
        assertThat(process).isEnded();
        assertThat(counterpartyRequests.find(tether.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);
    }

    @Test
    void anAnswerThatCollidesWithTheEnginesOwnWorkIsTriedAgainAndStoredOnce() throws Exception {
        doThrow(new OptimisticLockingException("a timer ran at the same time"))
                .doThrow(new OptimisticLockingException("and again"))
                .doCallRealMethod().when(checkAnswers).execute(any());

        answer();

        assertThat(counterpartyRequests.history(tether.id())).hasSize(1);
        assertThat(process).isEnded();
    }

    /**
     * Each stored variable costs the engine three inserts and a delete per counterparty; the request's row holds the
     * rest, so what only the starting transaction or the next gateway reads is never stored.
     */
    @Test
    void aCounterpartyRequestStoresOnlyItsRowIdAndItsTimersVariables() {
        answer();

        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId()).list())
                .extracting(HistoricVariableInstance::getName)
                .containsExactlyInAnyOrder(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, CounterpartyRequestProcess.SLA_REMINDER_SHARE,
                        CounterpartyRequestProcess.SLA_ESCALATION_SHARE, CounterpartyRequestProcess.DEADLINE,
                        CounterpartyRequestProcess.REMINDER_AFTER);
    }

    @Test
    void anAnswerIsToldToTheProcessItsRequestNames() {
        assertThat(counterpartyRequests.processInstanceId(tether.id())).contains(process.getId());

        answer();

        assertThat(process).isEnded();
    }

    @Test
    void aRequestCreatedBeforeRequestsNamedTheirProcessIsStillFoundByItsVariable() {
        jdbc.sql("UPDATE counterparty_request SET process_instance_id = NULL WHERE id = ?").param(tether.id()).update();

        answer();

        assertThat(process).isEnded();
        assertThat(counterpartyRequests.find(tether.id()).state()).isEqualTo(CounterpartyRequestState.CLOSED);
    }

    private void answer() {
        List<NewOutcome> frozen = cases.targetsRoutedTo(tether.freezeRequestId(), tether.counterpartyId()).stream()
                .map(t -> new NewOutcome(t.id(), Outcome.FROZEN, new BigDecimal("10"), "INT-1", null, null, null, null)).toList();
        counterpartyRequestService.respond(tether, "Jo Compliance", "127.0.0.1", frozen, Actor.counterparty("Tether", tether.id()));
    }
}
