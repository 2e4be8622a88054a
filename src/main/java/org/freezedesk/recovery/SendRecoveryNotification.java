package org.freezedesk.recovery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.directory.Contact;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * Mails the counterparty's contacts the approved instruction with a fresh portal link; runs in its own job,
 * so an SMTP failure retries instead of undoing the legal approval.
 */
@Component(RecoveryProcess.SEND_RECOVERY_NOTIFICATION)
class SendRecoveryNotification implements JavaDelegate {

    private final RecoveryRepository recoveries;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final AccessLinks accessLinks;
    private final Mailer mailer;
    private final AuditLog audit;

    SendRecoveryNotification(RecoveryRepository recoveries, CounterpartyRequestRepository counterpartyRequests,
            CounterpartyRepository counterparties, AccessLinks accessLinks, Mailer mailer, AuditLog audit) {
        this.recoveries = recoveries;
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
        this.accessLinks = accessLinks;
        this.mailer = mailer;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RecoveryInstruction instruction = recoveries.find((Long) execution.getVariable(RecoveryProcess.RECOVERY_INSTRUCTION_ID));
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(instruction.counterpartyRequestId());
        List<String> recipients = counterparties.contacts(counterpartyRequest.counterpartyId()).stream().map(Contact::email).toList();
        if (recipients.isEmpty()) {
            throw new IllegalStateException(instruction.counterpartyName() + " has no registered contact to notify");
        }
        String link = accessLinks.issue(counterpartyRequest.id()) + "/recoveries/" + instruction.id();
        Map<String, Object> model = new HashMap<>();
        model.put("instruction", instruction);
        model.put("link", link);
        mailer.send(recipients, "Recovery instruction " + instruction.caseReference() + " — " + instruction.counterpartyName(),
                "recovery-notification", model);
        recoveries.markNotified(instruction.id());
        audit.record(Actor.ENGINE, "RECOVERY_NOTIFIED", "recovery_instruction", instruction.id(), instruction.caseReference(),
                RecoveryState.APPROVED.name(), "mailed to " + String.join(", ", recipients));
    }
}
