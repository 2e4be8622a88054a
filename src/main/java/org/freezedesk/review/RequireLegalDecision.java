package org.freezedesk.review;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.freezedesk.cases.FreezeRequestProcess;
import org.springframework.stereotype.Component;

/**
 * Completion listener of {@code legalReview}: the task ends only when {@link ReviewService} stored the
 * decision for this very task in the same transaction, with the outcome the process is given. Completing
 * it any other way (Tasklist, the engine REST API, a script) fails and changes nothing.
 */
@Component
class RequireLegalDecision implements TaskListener {

    private final LegalDecisionRepository decisions;

    RequireLegalDecision(LegalDecisionRepository decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        Object outcome = task.getVariable(FreezeRequestProcess.REVIEW_DECISION);
        String recorded = decisions.decisionOfTask(task.getId()).orElse(null);
        if (recorded == null || !recorded.equals(outcome)) {
            throw new ProcessEngineException("Legal review " + task.getId()
                    + " can only be completed by a legal officer's recorded decision in FreezeDesk");
        }
    }
}
