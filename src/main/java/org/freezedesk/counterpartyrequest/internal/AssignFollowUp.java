package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.springframework.stereotype.Component;

/** The follow-up of a late counterparty goes to whoever filed the freeze request it answers. */
@Component(CounterpartyRequestProcess.ASSIGN_FOLLOW_UP)
class AssignFollowUp implements TaskListener {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CaseRepository cases;

    AssignFollowUp(CounterpartyRequestRepository counterpartyRequests, CaseRepository cases) {
        this.counterpartyRequests = counterpartyRequests;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = (Long) task.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID);
        task.setAssignee(cases.request(counterpartyRequests.find(id).freezeRequestId()).filedBy());
    }
}
