package org.freezedesk.recovery.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.springframework.stereotype.Component;

@Component(FreezeHoldProcess.MARK_HOLD_LAPSED)
class MarkHoldLapsed implements JavaDelegate {

    private final FreezeHoldRepository holds;
    private final AuditLog audit;

    MarkHoldLapsed(FreezeHoldRepository holds, AuditLog audit) {
        this.holds = holds;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FreezeHold hold = holds.find((Long) execution.getVariable(FreezeHoldProcess.FREEZE_HOLD_ID));
        holds.markLapsed(hold.id());
        audit.record(Actor.ENGINE, "HOLD_LAPSED", "freeze_hold", hold.id(), hold.caseReference(), hold.state().name(),
                FreezeHoldState.LAPSED.name() + " after " + hold.heldUntil());
    }
}
