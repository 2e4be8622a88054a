package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.springframework.stereotype.Component;

@Component("closeCounterpartyRequest")
class CloseCounterpartyRequest implements JavaDelegate {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final AuditLog audit;

    CloseCounterpartyRequest(CounterpartyRequestRepository counterpartyRequests, AuditLog audit) {
        this.counterpartyRequests = counterpartyRequests;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID);
        CounterpartyRequestState before = counterpartyRequests.find(id).state();
        counterpartyRequests.close(id);
        audit.record(Actor.ENGINE, "COUNTERPARTY_REQUEST_CLOSED", "counterparty_request", id, execution.getBusinessKey(),
                before.name(), CounterpartyRequestState.CLOSED.name());
    }
}
