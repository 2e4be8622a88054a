package org.freezedesk.counterpartyrequest;

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
import org.freezedesk.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mails a counterparty's registered contacts, and no one else, about its request, with a freshly issued link:
 * every mail carries a new token and the previous one stops working. Every mail also carries the case
 * reference and the request's verification code, and what lets its reader trust it at a glance ({@link RequestTrust}:
 * the agency, its jurisdiction and vetting, the request's fingerprint). The mail goes through the outbox: stored with its link in the
 * caller's transaction, sent after it commits, and retried as the very same message until the server takes it.
 */
@Component
public class CounterpartyMail {

    /** The mails a counterparty receives: template under {@code templates/mail/}, subject, audit action. */
    public enum Kind {
        NOTIFICATION("notification", "Freeze request", "NOTIFICATION_SENT"),
        RESENT_NOTIFICATION("notification", "Freeze request (sent again)", "NOTIFICATION_RESENT"),
        REMINDER("reminder", "Reminder: freeze request", "REMINDER_SENT"),
        ESCALATION_NOTICE("escalation-notice", "Overdue: freeze request", "ESCALATION_NOTICE_SENT"),
        LINK_RENEWAL("link-renewal", "New link: freeze request", "LINK_RENEWAL_SENT"),
        RELEASE_NOTICE("release-notice", "Withdrawn: release the freeze of request", "RELEASE_NOTICE_SENT");

        private final String template;
        private final String subject;
        private final String auditAction;

        Kind(String template, String subject, String auditAction) {
            this.template = template;
            this.subject = subject;
            this.auditAction = auditAction;
        }
    }

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final AccessLinks accessLinks;
    private final VerificationCodes verificationCodes;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final RequestTrust trust;
    private final OtherRequests otherRequests;
    private final String baseUrl;

    CounterpartyMail(CounterpartyRequestRepository counterpartyRequests, CounterpartyRepository counterparties,
            CaseRepository cases, AccessLinks accessLinks, VerificationCodes verificationCodes, MailOutbox outbox, AuditLog audit,
            RequestTrust trust, OtherRequests otherRequests, @Value("${freezedesk.base-url}") String baseUrl) {
        this.trust = trust;
        this.otherRequests = otherRequests;
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
        this.cases = cases;
        this.accessLinks = accessLinks;
        this.verificationCodes = verificationCodes;
        this.outbox = outbox;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /** What went out: the case it is about, and to whom. */
    public record Mailed(String caseReference, List<String> recipients) {
    }

    public void send(long counterpartyRequestId, Kind kind) {
        Map<String, Object> model = new HashMap<>();
        model.put("resent", kind == Kind.RESENT_NOTIFICATION);
        Mailed mailed = send(counterpartyRequestId, kind.subject, kind.template, "", model);
        counterpartyRequests.markNotified(counterpartyRequestId);
        audit.record(Actor.ENGINE, kind.auditAction, "counterparty_request", counterpartyRequestId, mailed.caseReference(), null,
                "mailed to " + String.join(", ", mailed.recipients()));
    }

    /**
     * Mails about anything of a counterparty request (its targets, a recovery, a freeze hold): {@code link} in
     * the template is a fresh link to {@code portalPath} under the request's portal page, and {@code model} adds
     * what the template needs beside the case, the request and the verification code.
     */
    public Mailed send(long counterpartyRequestId, String subject, String template, String portalPath, Map<String, Object> model) {
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(counterpartyRequestId);
        Counterparty counterparty = counterparties.findById(counterpartyRequest.counterpartyId()).orElseThrow();
        FreezeRequest freezeRequest = cases.request(counterpartyRequest.freezeRequestId());
        FreezeCase freezeCase = cases.caseOfRequest(freezeRequest.id());
        List<String> recipients = counterparties.contacts(counterparty.id()).stream().map(Contact::email).toList();
        if (recipients.isEmpty()) {
            throw new IllegalStateException(counterparty.name() + " has no registered contact to notify");
        }
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("counterparty", counterparty);
        variables.put("freezeCase", freezeCase);
        variables.put("freezeRequest", freezeRequest);
        variables.put("counterpartyRequest", counterpartyRequest);
        variables.put("targetCount", cases.targetsRoutedTo(freezeRequest.id(), counterparty.id()).size());
        variables.put("link", accessLinks.issue(counterpartyRequestId) + portalPath);
        variables.put("verificationCode", verificationCodes.codeFor(counterpartyRequestId));
        variables.put("verifyUrl", baseUrl + "/portal/verify");
        variables.put("trust", trust.of(counterpartyRequestId));
        variables.put("requestLabel", RequestLabel.of(freezeCase.reference(), freezeRequest.sequenceNumber()));
        variables.put("otherRequests", otherRequests.of(counterpartyRequest));
        // Stored with the link in this transaction and sent once it has committed: the link opens from the moment the mail arrives.
        // In the subject too, so that it is seen before the mail is opened.
        String warning = freezeRequest.doNotNotify() ? "DO NOT NOTIFY THE CUSTOMER — " : "";
        outbox.send(recipients, warning + subject + " " + freezeCase.reference() + " — " + counterparty.name(), template, variables);
        return new Mailed(freezeCase.reference(), recipients);
    }
}
