package org.freezedesk.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.cases.FreezeRequestWithdrawn;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The second review rejected the EMERGENCY request: it is withdrawn, and the counterparty requests, told by
 * {@link FreezeRequestWithdrawn} once this commits, send every counterparty a release notice.
 */
@Component(FreezeRequestProcess.RELEASE_FREEZE)
class ReleaseFreeze implements JavaDelegate {

    private final CaseRepository cases;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ReleaseFreeze(CaseRepository cases, AuditLog audit, ApplicationEventPublisher events) {
        this.cases = cases;
        this.audit = audit;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID);
        cases.setState(requestId, FreezeRequestState.WITHDRAWN);
        audit.record(Actor.ENGINE, "REQUEST_WITHDRAWN", "freeze_request", requestId, execution.getBusinessKey(), null,
                "second review rejected the emergency request: every counterparty is told to release the freeze");
        events.publishEvent(new FreezeRequestWithdrawn(requestId, execution.getBusinessKey()));
    }
}
