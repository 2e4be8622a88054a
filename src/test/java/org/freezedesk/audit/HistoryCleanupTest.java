package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The engine's history cleanup removes what outlived its time-to-live, and nothing of FreezeDesk's own audit record. */
@FreezeDeskTest
class HistoryCleanupTest {

    /** Enough runs of the cleanup job for whatever other tests in this context left ended. */
    private static final int CLEANUP_RUNS = 50;

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired ApplicationContext context;
    @Autowired HistoryService historyService;
    @Autowired ManagementService managementService;
    @Autowired RepositoryService repositoryService;
    @Autowired CaseRepository cases;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired CounterpartyRequestService counterpartyRequestService;
    @Autowired AuditIntegrity integrity;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anEndedInstancePastItsTimeToLiveIsRemovedAndTheAuditChainStaysIntact() {
        ApprovedRequests requests = new ApprovedRequests(context);
        String reference = requests.notified(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        CounterpartyRequest cr = requests.counterpartyRequest(reference, "Tether");
        String processId = requests.process(cr).getId();
        counterpartyRequestService.respond(cr, "Jo Compliance", "127.0.0.1",
                cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).stream()
                        .map(t -> new NewOutcome(t.id(), Outcome.FROZEN, new BigDecimal("10"), "INT-1", null, null, null, null)).toList(),
                Actor.counterparty("Tether", cr.id()));
        requests.executeJobs(reference);
        freezeCaseService.readSummary(reference, 1, requests.user("agency"));
        // Removal time is the root instance's end plus its time-to-live: the case's whole tree ends first.
        HistoricProcessInstance ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(processId).singleResult();
        assertThat(ended.getEndTime()).as("the counterparty request ended").isNotNull();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).unfinished().count())
                .as("the freeze request ended too").isZero();
        ChainHead head = integrity.head();
        long auditEvents = auditEvents(reference);

        ProcessDefinition definition = repositoryService.getProcessDefinition(ended.getProcessDefinitionId());
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(definition.getHistoryTimeToLive() + 1))));
        Job cleanup = historyService.cleanUpHistoryAsync(true);
        for (int run = 0; run < CLEANUP_RUNS && present(processId); run++) {
            managementService.executeJob(cleanup.getId());
        }

        assertThat(present(processId)).as("history of the ended instance").isFalse();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .as("history of the case's processes").isZero();
        assertThat(auditEvents(reference)).as("the case's audit events").isEqualTo(auditEvents);
        assertThat(integrity.verify(head).intact()).as("the audit chain against the head kept before").isTrue();
    }

    private boolean present(String processInstanceId) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    private long auditEvents(String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE case_reference = ?").param(reference).query(Long.class).single();
    }
}
