package org.freezedesk.counterpartyrequest.internal;

import java.time.OffsetDateTime;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.springframework.stereotype.Component;

/** The first mail; the counterparty's deadline starts when it goes out, not when an SMTP outage began. */
@Component("sendNotification")
class SendNotification implements JavaDelegate {

    private final CounterpartyMail mail;
    private final SlaTimers slaTimers;
    private final CounterpartyRequestRepository counterpartyRequests;

    SendNotification(CounterpartyMail mail, SlaTimers slaTimers, CounterpartyRequestRepository counterpartyRequests) {
        this.mail = mail;
        this.slaTimers = slaTimers;
        this.counterpartyRequests = counterpartyRequests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID);
        OffsetDateTime deadline = slaTimers.deadlineFromNow((Long) execution.getVariable(CounterpartyRequestProcess.FREEZE_REQUEST_ID),
                (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_ID));
        counterpartyRequests.setDue(id, deadline);
        execution.setVariable(CounterpartyRequestProcess.DEADLINE, Date.from(deadline.toInstant()));
        mail.send(id, CounterpartyMail.Kind.NOTIFICATION);
    }
}
