package org.freezedesk.recovery.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.springframework.stereotype.Component;

/** Asks the counterparty, with a fresh portal link, to keep the funds frozen longer; retried in its own job. */
@Component(FreezeHoldProcess.SEND_EXTENSION_REQUEST)
class SendExtensionRequest implements JavaDelegate {

    private final FreezeHoldRepository holds;
    private final CounterpartyMail mail;
    private final AuditLog audit;

    SendExtensionRequest(FreezeHoldRepository holds, CounterpartyMail mail, AuditLog audit) {
        this.holds = holds;
        this.mail = mail;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FreezeHold hold = holds.find((Long) execution.getVariable(FreezeHoldProcess.FREEZE_HOLD_ID));
        CounterpartyMail.Mailed mailed = mail.send(hold.counterpartyRequestId(), "Extension of freeze", "recovery-extension-request",
                "/recoveries/holds/" + hold.id(), Map.of("hold", hold));
        audit.record(Actor.ENGINE, "HOLD_EXTENSION_MAILED", "freeze_hold", hold.id(), hold.caseReference(), null,
                "mailed to " + String.join(", ", mailed.recipients()));
    }
}
