package org.freezedesk.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.freezedesk.cases.FreezeRequestProcess;
import org.springframework.stereotype.Component;

/**
 * Starts each counterparty request of the fan-out with its freeze request and counterparty as transient variables:
 * the called process reads them once, in the transaction that starts it, to create its counterparty request row, and
 * keeps only that row's id. Stored, each would cost three inserts and a delete per counterparty in the engine's tables.
 */
@Component(FreezeRequestProcess.COUNTERPARTY_REQUEST_INPUT)
class CounterpartyRequestInput implements DelegateVariableMapping {

    @Override
    public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
        subVariables.putValueTyped(FreezeRequestProcess.FREEZE_REQUEST_ID,
                Variables.longValue((Long) superExecution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID), true));
        subVariables.putValueTyped(FreezeRequestProcess.COUNTERPARTY_ID,
                Variables.longValue((Long) superExecution.getVariable(FreezeRequestProcess.COUNTERPARTY_ID), true));
    }

    /** A counterparty request gives nothing back: what it found is in its own tables. */
    @Override
    public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
    }
}
