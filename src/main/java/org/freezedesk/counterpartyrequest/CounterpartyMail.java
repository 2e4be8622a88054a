package org.freezedesk.counterpartyrequest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.directory.Contact;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.mail.Mailer;
import org.springframework.stereotype.Component;

/**
 * Mails a counterparty's registered contacts about its request, with a freshly issued link: every
 * mail carries a new token and the previous one stops working.
 */
@Component
class CounterpartyMail {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final AccessLinks accessLinks;
    private final Mailer mailer;
    private final AuditLog audit;

    CounterpartyMail(CounterpartyRequestRepository counterpartyRequests, CounterpartyRepository counterparties,
            CaseRepository cases, AccessLinks accessLinks, Mailer mailer, AuditLog audit) {
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
        this.cases = cases;
        this.accessLinks = accessLinks;
        this.mailer = mailer;
        this.audit = audit;
    }

    void send(long counterpartyRequestId, String template, String subjectPrefix, String auditAction) {
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(counterpartyRequestId);
        Counterparty counterparty = counterparties.findById(counterpartyRequest.counterpartyId()).orElseThrow();
        FreezeRequest freezeRequest = cases.request(counterpartyRequest.freezeRequestId());
        FreezeCase freezeCase = cases.caseOfRequest(freezeRequest.id());
        List<String> recipients = counterparties.contacts(counterparty.id()).stream().map(Contact::email).toList();
        if (recipients.isEmpty()) {
            throw new IllegalStateException(counterparty.name() + " has no registered contact to notify");
        }
        String link = accessLinks.issue(counterpartyRequestId);
        Map<String, Object> model = new HashMap<>();
        model.put("counterparty", counterparty);
        model.put("freezeCase", freezeCase);
        model.put("freezeRequest", freezeRequest);
        model.put("targetCount", cases.targetsRoutedTo(freezeRequest.id(), counterparty.id()).size());
        model.put("link", link);
        model.put("respondBy", OffsetDateTime.now(ZoneOffset.UTC).plusHours(counterparty.responseSlaHours()));
        mailer.send(recipients, subjectPrefix + " " + freezeCase.reference() + " — " + counterparty.name(), template, model);
        counterpartyRequests.markNotified(counterpartyRequestId);
        audit.record(Actor.ENGINE, auditAction, "counterparty_request", counterpartyRequestId, freezeCase.reference(), null,
                "mailed to " + String.join(", ", recipients));
    }
}
