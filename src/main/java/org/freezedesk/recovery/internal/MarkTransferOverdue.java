package org.freezedesk.recovery.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.springframework.stereotype.Component;

/** The deadline passed without an answer: the filer follows up. */
@Component(RecoveryProcess.MARK_TRANSFER_OVERDUE)
class MarkTransferOverdue implements JavaDelegate {

    private final RecoveryRepository recoveries;
    private final AuditLog audit;

    MarkTransferOverdue(RecoveryRepository recoveries, AuditLog audit) {
        this.recoveries = recoveries;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecoveryInstruction instruction = recoveries.find((Long) execution.getVariable(RecoveryProcess.RECOVERY_INSTRUCTION_ID));
        recoveries.setState(instruction.id(), RecoveryState.OVERDUE);
        audit.record(Actor.ENGINE, "RECOVERY_OVERDUE", "recovery_instruction", instruction.id(), instruction.caseReference(),
                instruction.state().name(), RecoveryState.OVERDUE.name() + " (deadline " + instruction.dueAt() + ")");
    }
}
