package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.springframework.stereotype.Component;

/** The fresh link a registered contact asked for, mailed to the registered contacts. */
@Component("sendLinkRenewal")
class SendLinkRenewal implements JavaDelegate {

    private final CounterpartyMail mail;

    SendLinkRenewal(CounterpartyMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.send((Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID), CounterpartyMail.Kind.LINK_RENEWAL);
    }
}
