package org.freezedesk.recovery.internal;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.springframework.stereotype.Component;

/**
 * Mails the counterparty's contacts the approved instruction with a fresh portal link; runs in its own job,
 * so an SMTP failure retries instead of undoing the legal approval.
 */
@Component(RecoveryProcess.SEND_RECOVERY_NOTIFICATION)
class SendRecoveryNotification implements JavaDelegate {

    private final RecoveryRepository recoveries;
    private final CounterpartyMail mail;
    private final AuditLog audit;

    SendRecoveryNotification(RecoveryRepository recoveries, CounterpartyMail mail, AuditLog audit) {
        this.recoveries = recoveries;
        this.mail = mail;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecoveryInstruction instruction = recoveries.find((Long) execution.getVariable(RecoveryProcess.RECOVERY_INSTRUCTION_ID));
        CounterpartyMail.Mailed mailed = mail.send(instruction.counterpartyRequestId(), "Recovery instruction", "recovery-notification",
                "/recoveries/" + instruction.id(), Map.of("instruction", instruction));
        recoveries.markNotified(instruction.id());
        audit.record(Actor.ENGINE, "RECOVERY_NOTIFIED", "recovery_instruction", instruction.id(), instruction.caseReference(),
                RecoveryState.APPROVED.name(), "mailed to " + String.join(", ", mailed.recipients()));
    }
}
