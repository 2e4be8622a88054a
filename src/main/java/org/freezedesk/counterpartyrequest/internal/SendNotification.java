package org.freezedesk.counterpartyrequest.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.freezedesk.counterpartyrequest.CounterpartyNotified;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The first mail. The counterparty's clock starts when it goes out, not when an SMTP outage began: the reminder
 * and the deadline (which the mail states) are the shares of its response SLA that the SLA decision gave.
 */
@Component(CounterpartyRequestProcess.SEND_NOTIFICATION)
class SendNotification implements JavaDelegate {

    private final CounterpartyMail mail;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final ApplicationEventPublisher events;

    SendNotification(CounterpartyMail mail, CounterpartyRequestRepository counterpartyRequests, CounterpartyRepository counterparties,
            ApplicationEventPublisher events) {
        this.mail = mail;
        this.events = events;
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = (Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID);
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(id);
        long counterpartyId = counterpartyRequest.counterpartyId();
        int slaHours = counterparties.findById(counterpartyId).orElseThrow().responseSlaHours();
        OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC)
                .plus(share(slaHours, execution.getVariable(CounterpartyRequestProcess.SLA_ESCALATION_SHARE)));
        counterpartyRequests.setDue(id, deadline);
        execution.setVariable(CounterpartyRequestProcess.DEADLINE, Date.from(deadline.toInstant()));
        execution.setVariable(CounterpartyRequestProcess.REMINDER_AFTER,
                share(slaHours, execution.getVariable(CounterpartyRequestProcess.SLA_REMINDER_SHARE)).toString());
        mail.send(id, CounterpartyMail.Kind.NOTIFICATION);
        events.publishEvent(new CounterpartyNotified(id, counterpartyRequest.freezeRequestId(), counterpartyId,
                execution.getBusinessKey(), deadline));
    }

    private static Duration share(int slaHours, Object share) {
        return Duration.ofMinutes(Math.round(slaHours * 60 * ((Number) share).doubleValue()));
    }
}
