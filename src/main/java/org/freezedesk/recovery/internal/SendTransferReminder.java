package org.freezedesk.recovery.internal;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.springframework.stereotype.Component;

/** Reminds the counterparty of a transfer it has not answered yet; its own job, so an SMTP failure retries. */
@Component(RecoveryProcess.SEND_TRANSFER_REMINDER)
class SendTransferReminder implements JavaDelegate {

    private final RecoveryRepository recoveries;
    private final CounterpartyMail mail;
    private final AuditLog audit;

    SendTransferReminder(RecoveryRepository recoveries, CounterpartyMail mail, AuditLog audit) {
        this.recoveries = recoveries;
        this.mail = mail;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecoveryInstruction instruction = recoveries.find((Long) execution.getVariable(RecoveryProcess.RECOVERY_INSTRUCTION_ID));
        String dueAt = instruction.dueAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES)
                .toString().replace('T', ' ');
        CounterpartyMail.Mailed mailed = mail.send(instruction.counterpartyRequestId(), "Reminder: recovery instruction",
                "recovery-reminder", "/recoveries/" + instruction.id(), Map.of("instruction", instruction, "dueAt", dueAt));
        audit.record(Actor.ENGINE, "RECOVERY_REMINDER_SENT", "recovery_instruction", instruction.id(), instruction.caseReference(), null,
                "mailed to " + String.join(", ", mailed.recipients()));
    }
}
