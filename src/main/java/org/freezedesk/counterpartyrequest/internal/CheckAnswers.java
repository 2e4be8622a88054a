package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.springframework.stereotype.Component;

/** Reads from the stored answers whether every target has a final outcome, for the gateway after it. */
@Component(CounterpartyRequestProcess.CHECK_ANSWERS)
class CheckAnswers implements JavaDelegate {

    private final CounterpartyRequestRepository counterpartyRequests;

    CheckAnswers(CounterpartyRequestRepository counterpartyRequests) {
        this.counterpartyRequests = counterpartyRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID);
        // Transient: the gateway reads it at once. Instances begun before it was made so keep it stored, as the
        // engine does not let a stored variable turn transient.
        TypedValue stored = execution.getVariableLocalTyped(CounterpartyRequestProcess.ALL_TARGETS_ANSWERED);
        execution.setVariableLocal(CounterpartyRequestProcess.ALL_TARGETS_ANSWERED,
                Variables.booleanValue(counterpartyRequests.allTargetsAnswered(id), stored == null || stored.isTransient()));
    }
}
