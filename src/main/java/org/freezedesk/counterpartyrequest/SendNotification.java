package org.freezedesk.counterpartyrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("sendNotification")
class SendNotification implements JavaDelegate {

    private final CounterpartyMail mail;

    SendNotification(CounterpartyMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.send((Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID), CounterpartyMail.Kind.NOTIFICATION);
    }
}
