package org.freezedesk.recovery.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.springframework.stereotype.Component;

/** Legal approved the withdrawal: the instruction is final and no longer keeps the case open. */
@Component(RecoveryProcess.MARK_RECOVERY_WITHDRAWN)
class MarkRecoveryWithdrawn implements JavaDelegate {

    private final RecoveryRepository recoveries;
    private final AuditLog audit;

    MarkRecoveryWithdrawn(RecoveryRepository recoveries, AuditLog audit) {
        this.recoveries = recoveries;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecoveryInstruction instruction = recoveries.find((Long) execution.getVariable(RecoveryProcess.RECOVERY_INSTRUCTION_ID));
        recoveries.setState(instruction.id(), RecoveryState.WITHDRAWN);
        audit.record(Actor.ENGINE, "RECOVERY_WITHDRAWN", "recovery_instruction", instruction.id(), instruction.caseReference(),
                instruction.state().name(), RecoveryState.WITHDRAWN.name());
    }
}
