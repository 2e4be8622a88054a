package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.springframework.stereotype.Component;

/** The deadline passed without a full answer. */
@Component("markOverdue")
class MarkOverdue implements JavaDelegate {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final AuditLog audit;

    MarkOverdue(CounterpartyRequestRepository counterpartyRequests, AuditLog audit) {
        this.counterpartyRequests = counterpartyRequests;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID);
        CounterpartyRequest before = counterpartyRequests.find(id);
        counterpartyRequests.setState(id, CounterpartyRequestState.OVERDUE);
        audit.record(Actor.ENGINE, "COUNTERPARTY_REQUEST_OVERDUE", "counterparty_request", id, execution.getBusinessKey(),
                before.state().name(), CounterpartyRequestState.OVERDUE.name() + " (deadline " + before.dueAt() + ")");
    }
}
