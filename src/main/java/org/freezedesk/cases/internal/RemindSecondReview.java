package org.freezedesk.cases.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.cases.FreezeRequestProcess;
import org.springframework.stereotype.Component;

/** The second review of an EMERGENCY request that went out is still open past its time: legal review is mailed. */
@Component(FreezeRequestProcess.REMIND_SECOND_REVIEW)
class RemindSecondReview implements JavaDelegate {

    private final LegalReviewMail mail;

    RemindSecondReview(LegalReviewMail mail) {
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mail.secondReviewDue((Long) execution.getVariable(FreezeRequestProcess.FREEZE_REQUEST_ID));
    }
}
