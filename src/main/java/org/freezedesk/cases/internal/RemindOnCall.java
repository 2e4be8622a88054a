package org.freezedesk.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequestProcess;
import org.springframework.stereotype.Component;

/**
 * Nobody on call approved the EMERGENCY request in time: the on-call officers are mailed again (whoever is on call
 * now), and the case page tells the filer when they were reminded.
 */
@Component(FreezeRequestProcess.REMIND_ON_CALL)
class RemindOnCall implements JavaDelegate {

    private final LegalReviewMail mail;
    private final CaseRepository cases;

    RemindOnCall(LegalReviewMail mail, CaseRepository cases) {
        this.mail = mail;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long requestId = (Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID);
        mail.toOnCall(requestId, true, "ON_CALL_REMINDED");
        cases.onCallReminded(requestId);
    }
}
