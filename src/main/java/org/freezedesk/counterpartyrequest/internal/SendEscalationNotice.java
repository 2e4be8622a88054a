package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.springframework.stereotype.Component;

/** Tells the counterparty its deadline has passed and the agency will follow up. */
@Component("sendEscalationNotice")
class SendEscalationNotice implements JavaDelegate {

    private final CounterpartyMail mail;

    SendEscalationNotice(CounterpartyMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.send((Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID),
                CounterpartyMail.Kind.ESCALATION_NOTICE);
    }
}
