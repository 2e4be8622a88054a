package org.freezedesk.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.cases.FreezeRequestProcess;
import org.springframework.stereotype.Component;

/** An EMERGENCY request has arrived: the on-call officers serving its agency are mailed at once. */
@Component(FreezeRequestProcess.ALERT_ON_CALL)
class AlertOnCall implements JavaDelegate {

    private final LegalReviewMail mail;

    AlertOnCall(LegalReviewMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.toOnCall((Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID), false, "ON_CALL_ALERTED");
    }
}
