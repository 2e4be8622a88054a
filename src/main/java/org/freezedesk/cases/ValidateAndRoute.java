package org.freezedesk.cases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * Checks the request is complete before a reviewer's time is spent on it, and fixes the counterparties
 * it will fan out to. For now a target goes to the counterparty chosen on its row.
 */
@Component("validateAndRoute")
class ValidateAndRoute implements JavaDelegate {

    private final CaseRepository cases;
    private final AuditLog audit;

    ValidateAndRoute(CaseRepository cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID);
        List<Target> targets = cases.targetsOf(requestId);
        if (targets.isEmpty() || targets.stream().anyMatch(t -> t.counterpartyId() == null)) {
            throw new IllegalStateException("Freeze request " + requestId + " has a target without a counterparty");
        }
        List<Long> route = cases.routedCounterpartyIds(requestId);
        cases.setState(requestId, FreezeRequestState.IN_REVIEW);
        audit.record(Actor.ENGINE, "REQUEST_ROUTED", "freeze_request", requestId, execution.getBusinessKey(), null,
                "counterparties=" + route);
    }
}
