package org.freezedesk.recovery.internal;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.freezedesk.review.ReviewDecision;
import org.springframework.stereotype.Component;

/**
 * Completion listener of {@code reviewRecoveryInstruction}: the task ends only when
 * {@link RecoveryService#decide} recorded the decision on the instruction in the same transaction, by
 * someone other than its filer, with the outcome the process is given. Completing it any other way
 * (Tasklist, the engine REST API, a script) fails and changes nothing.
 */
@Component
class RequireRecoveryDecision implements TaskListener {

    private final RecoveryRepository recoveries;

    RequireRecoveryDecision(RecoveryRepository recoveries) {
        this.recoveries = recoveries;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(RecoveryProcess.REVIEW_DECISION);
        RecoveryInstruction instruction = recoveries.find((Long) task.getVariable(RecoveryProcess.RECOVERY_INSTRUCTION_ID));
        RecoveryState expected = ReviewDecision.APPROVE.name().equals(outcome) ? RecoveryState.APPROVED
                : ReviewDecision.REJECT.name().equals(outcome) ? RecoveryState.REJECTED : null;
        if (expected == null || instruction.state() != expected || instruction.reviewedBy() == null
                || instruction.reviewedBy().equals(instruction.filedBy())) {
            throw new ProcessEngineException("Recovery review " + task.getId()
                    + " can only be completed by a legal officer's recorded decision in FreezeDesk");
        }
    }
}
