package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.FreezeRequestWithdrawn;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Withdraws every counterparty request of a freeze request its second review rejected. One still running is ended
 * through its process (which sends the release notice in a job of its own); one that had ended already, because
 * every target was answered, is sent the notice here. A replayed event finds them withdrawn and sends nothing twice.
 */
@Component
class WithdrawCounterpartyRequests {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final RuntimeService runtimeService;
    private final ReleaseNotices releaseNotices;
    private final AuditLog audit;

    WithdrawCounterpartyRequests(CounterpartyRequestRepository counterpartyRequests, RuntimeService runtimeService,
            ReleaseNotices releaseNotices, AuditLog audit) {
        this.counterpartyRequests = counterpartyRequests;
        this.runtimeService = runtimeService;
        this.releaseNotices = releaseNotices;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void freezeRequestWithdrawn(FreezeRequestWithdrawn event) {
        for (CounterpartyRequest counterpartyRequest : counterpartyRequests.forFreezeRequest(event.freezeRequestId())) {
            if (!counterpartyRequests.withdraw(counterpartyRequest.id())) {
                continue;
            }
            audit.record(Actor.ENGINE, "COUNTERPARTY_REQUEST_WITHDRAWN", "counterparty_request", counterpartyRequest.id(),
                    event.caseReference(), counterpartyRequest.state().name(), "WITHDRAWN");
            boolean running = !runtimeService.createMessageCorrelation(CounterpartyRequestProcess.WITHDRAWN_MESSAGE)
                    .processInstanceVariableEquals(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, counterpartyRequest.id())
                    .correlateAllWithResult().isEmpty();
            if (!running) {
                releaseNotices.send(counterpartyRequest.id());
            }
        }
    }
}
