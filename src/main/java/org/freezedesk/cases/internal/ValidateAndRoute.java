package org.freezedesk.cases.internal;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.FreezeRequestState;
import org.springframework.stereotype.Component;

/**
 * Checks the request is complete before a reviewer's time is spent on it, and records the counterparties it
 * will fan out to. Targets were routed when they were stored (so the filer saw the routes before filing and
 * could override them); the targets nobody holds are counted, as the reviewer must see them. Chooses the lane
 * (an EMERGENCY request takes the emergency lane) and gives its timers their configured durations.
 */
@Component(FreezeRequestProcess.VALIDATE_AND_ROUTE)
class ValidateAndRoute implements JavaDelegate {

    private final CaseRepository cases;
    private final AuditLog audit;
    private final EmergencyLaneSettings emergencyLane;

    ValidateAndRoute(CaseRepository cases, AuditLog audit, EmergencyLaneSettings emergencyLane) {
        this.cases = cases;
        this.audit = audit;
        this.emergencyLane = emergencyLane;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID);
        // A supplementary request runs in its own called instance: its tasks are looked up by this id.
        cases.setProcessInstanceId(requestId, execution.getProcessInstanceId());
        if (cases.targetsOf(requestId).isEmpty()) {
            throw new IllegalStateException("Freeze request " + requestId + " has no target");
        }
        List<Long> route = cases.routedCounterpartyIds(requestId);
        cases.setState(requestId, FreezeRequestState.IN_REVIEW);
        execution.setVariable(FreezeRequestProcess.EMERGENCY, cases.request(requestId).emergency());
        execution.setVariable(FreezeRequestProcess.ON_CALL_REMINDER_CYCLE, EmergencyLaneSettings.cycle(emergencyLane.onCallReminderAfter()));
        execution.setVariable(FreezeRequestProcess.SECOND_REVIEW_REMINDER_CYCLE, EmergencyLaneSettings.cycle(emergencyLane.secondReviewWithin()));
        audit.record(Actor.ENGINE, "REQUEST_ROUTED", "freeze_request", requestId, execution.getBusinessKey(), null,
                "counterparties=" + route + "; unattributed targets=" + cases.unattributedCount(requestId));
    }
}
