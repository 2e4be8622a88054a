package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.stereotype.Component;

@Component("createCounterpartyRequest")
class CreateCounterpartyRequest implements JavaDelegate {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final AuditLog audit;

    CreateCounterpartyRequest(CounterpartyRequestRepository counterpartyRequests, CounterpartyRepository counterparties, AuditLog audit) {
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long freezeRequestId = (Long) execution.getVariable(CounterpartyRequestProcess.FREEZE_REQUEST_ID);
        long counterpartyId = (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_ID);
        long id = counterpartyRequests.create(freezeRequestId, counterpartyId);
        execution.setVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, id);
        audit.record(Actor.ENGINE, "COUNTERPARTY_REQUEST_CREATED", "counterparty_request", id, execution.getBusinessKey(),
                null, counterparties.findById(counterpartyId).orElseThrow().name());
    }
}
