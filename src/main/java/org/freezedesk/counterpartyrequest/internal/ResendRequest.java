package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.springframework.stereotype.Component;

/** The agency's follow-up choice "send again": the notification once more, with a new link. */
@Component("resendRequest")
class ResendRequest implements JavaDelegate {

    private final CounterpartyMail mail;

    ResendRequest(CounterpartyMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.send((Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID),
                CounterpartyMail.Kind.RESENT_NOTIFICATION);
    }
}
