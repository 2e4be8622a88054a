package org.freezedesk.counterpartyrequest.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.springframework.stereotype.Component;

@Component(CounterpartyRequestProcess.SEND_RELEASE_NOTICE)
class SendReleaseNotice implements JavaDelegate {

    private final ReleaseNotices releaseNotices;

    SendReleaseNotice(ReleaseNotices releaseNotices) {
        this.releaseNotices = releaseNotices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        releaseNotices.send((Long) execution.getVariable(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID));
    }
}
