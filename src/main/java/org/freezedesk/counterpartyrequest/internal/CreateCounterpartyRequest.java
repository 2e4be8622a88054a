package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.stereotype.Component;

@Component(CounterpartyRequestProcess.CREATE_COUNTERPARTY_REQUEST)
class CreateCounterpartyRequest implements JavaDelegate {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final AuditLog audit;

    CreateCounterpartyRequest(CounterpartyRequestRepository counterpartyRequests, CounterpartyRepository counterparties, CaseRepository cases,
            AuditLog audit) {
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
        this.cases = cases;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long freezeRequestId = (Long) execution.getVariable(CounterpartyRequestProcess.FREEZE_REQUEST_ID);
        long counterpartyId = (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_ID);
        long id = counterpartyRequests.create(freezeRequestId, counterpartyId, execution.getProcessInstanceId());
        execution.setVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, id);
        execution.setVariable(CounterpartyRequestProcess.SLA_URGENCY,
                Variables.stringValue(cases.request(freezeRequestId).urgency().name(), true));
        audit.record(Actor.ENGINE, "COUNTERPARTY_REQUEST_CREATED", "counterparty_request", id, execution.getBusinessKey(),
                null, counterparties.findById(counterpartyId).orElseThrow().name());
    }
}
