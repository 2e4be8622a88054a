package org.freezedesk.cases.internal;

import java.util.List;
import java.util.Map;

import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.mail.MailOutbox;
import org.freezedesk.security.LegalOfficers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mails legal officers that an EMERGENCY request waits for them: the on-call officers for its approval, every
 * officer serving the agency for its second review. Through the outbox, in the engine's transaction.
 */
@Component
class LegalReviewMail {

    private final CaseRepository cases;
    private final LegalOfficers officers;
    private final MailOutbox outbox;
    private final AuditLog audit;
    private final String baseUrl;

    LegalReviewMail(CaseRepository cases, LegalOfficers officers, MailOutbox outbox, AuditLog audit,
            @Value("${freezedesk.base-url}") String baseUrl) {
        this.cases = cases;
        this.officers = officers;
        this.outbox = outbox;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    /** Mails the on-call officers serving the request's agency; answers whom (none on call: nobody, and the audit says so). */
    List<String> toOnCall(long requestId, boolean reminder, String auditAction) {
        FreezeRequest request = cases.request(requestId);
        FreezeCase freezeCase = cases.caseOfRequest(requestId);
        List<String> recipients = officers.onCallServing(request.agency()).stream()
                .filter(o -> !o.username().equals(request.filedBy())).map(LegalOfficers.LegalOfficer::email).toList();
        send(recipients, (reminder ? "Still waiting: " : "") + "EMERGENCY freeze request " + freezeCase.reference()
                + " needs an on-call approval", "on-call-approval", freezeCase, request, reminder);
        audit.record(Actor.ENGINE, auditAction, "freeze_request", requestId, freezeCase.reference(), null,
                recipients.isEmpty() ? "no legal officer is on call for " + request.agency() : "mailed to " + String.join(", ", recipients));
        return recipients;
    }

    /** Mails every legal officer serving the agency, but the filer, that the second review is due. */
    void secondReviewDue(long requestId) {
        FreezeRequest request = cases.request(requestId);
        FreezeCase freezeCase = cases.caseOfRequest(requestId);
        List<String> recipients = officers.serving(request.agency()).stream()
                .filter(o -> !o.username().equals(request.filedBy())).map(LegalOfficers.LegalOfficer::email).toList();
        send(recipients, "Second review due: EMERGENCY freeze request " + freezeCase.reference(), "second-review-due", freezeCase,
                request, true);
        audit.record(Actor.ENGINE, "SECOND_REVIEW_REMINDED", "freeze_request", requestId, freezeCase.reference(), null,
                recipients.isEmpty() ? "no legal officer serves " + request.agency() : "mailed to " + String.join(", ", recipients));
    }

    private void send(List<String> recipients, String subject, String template, FreezeCase freezeCase, FreezeRequest request,
            boolean reminder) {
        if (!recipients.isEmpty()) {
            outbox.send(recipients, subject, template, Map.of("freezeCase", freezeCase, "freezeRequest", request,
                    "reminder", reminder, "reviewUrl", baseUrl + "/review"));
        }
    }
}
