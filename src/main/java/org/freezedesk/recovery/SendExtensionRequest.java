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

/** Asks the counterparty, with a fresh portal link, to keep the funds frozen longer; retried in its own job. */
@Component(FreezeHoldProcess.SEND_EXTENSION_REQUEST)
class SendExtensionRequest implements JavaDelegate {

    private final FreezeHoldRepository holds;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final AccessLinks accessLinks;
    private final Mailer mailer;
    private final AuditLog audit;

    SendExtensionRequest(FreezeHoldRepository holds, CounterpartyRequestRepository counterpartyRequests,
            CounterpartyRepository counterparties, AccessLinks accessLinks, Mailer mailer, AuditLog audit) {
        this.holds = holds;
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
        this.accessLinks = accessLinks;
        this.mailer = mailer;
        this.audit = audit;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FreezeHold hold = holds.find((Long) execution.getVariable(FreezeHoldProcess.FREEZE_HOLD_ID));
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(hold.counterpartyRequestId());
        List<String> recipients = counterparties.contacts(counterpartyRequest.counterpartyId()).stream().map(Contact::email).toList();
        if (recipients.isEmpty()) {
            throw new IllegalStateException(hold.counterpartyName() + " has no registered contact to ask");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("hold", hold);
        model.put("link", accessLinks.issue(counterpartyRequest.id()) + "/recoveries/holds/" + hold.id());
        mailer.send(recipients, "Extension of freeze " + hold.caseReference() + " — " + hold.counterpartyName(),
                "recovery-extension-request", model);
        audit.record(Actor.ENGINE, "HOLD_EXTENSION_MAILED", "freeze_hold", hold.id(), hold.caseReference(), null,
                "mailed to " + String.join(", ", recipients));
    }
}
