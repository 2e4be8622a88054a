package org.freezedesk.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequestProcess;
import org.springframework.stereotype.Component;

/**
 * Reads the counterparties the approved request goes to, as routed and overridden until legal approved it, for
 * the multi-instance that follows. The list is transient: it is read in this same transaction (no wait state
 * in between) and would otherwise need Java serialization, which the engine refuses.
 */
@Component(FreezeRequestProcess.LIST_COUNTERPARTIES)
class ListCounterparties implements JavaDelegate {

    private final CaseRepository cases;

    ListCounterparties(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID);
        execution.setVariable(FreezeRequestProcess.COUNTERPARTY_IDS, Variables.untypedValue(cases.routedCounterpartyIds(requestId), true));
    }
}
