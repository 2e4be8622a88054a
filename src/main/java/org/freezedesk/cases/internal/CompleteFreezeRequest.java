package org.freezedesk.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequestCompleted;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.FreezeRequestState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Every counterparty request of the request has ended. A request withdrawn by its second review stays withdrawn. */
@Component(FreezeRequestProcess.COMPLETE_FREEZE_REQUEST)
class CompleteFreezeRequest implements JavaDelegate {

    private final CaseRepository cases;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CompleteFreezeRequest(CaseRepository cases, AuditLog audit, ApplicationEventPublisher events) {
        this.cases = cases;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID);
        FreezeRequestState before = cases.request(requestId).state();
        if (before == FreezeRequestState.WITHDRAWN) {
            return;
        }
        cases.setState(requestId, FreezeRequestState.COMPLETED);
        audit.record(Actor.ENGINE, "REQUEST_COMPLETED", "freeze_request", requestId, execution.getBusinessKey(),
                before.name(), FreezeRequestState.COMPLETED.name());
        events.publishEvent(new FreezeRequestCompleted(requestId, execution.getBusinessKey()));
    }
}
