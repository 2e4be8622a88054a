package org.freezedesk.counterpartyrequest.internal;

import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.counterpartyrequest.CounterpartyMail;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.springframework.stereotype.Component;

/**
 * Tells a counterparty that the request it was sent is withdrawn and the freeze is to be released, with a fresh
 * link to confirm the release per target. One never notified froze nothing and is told nothing.
 */
@Component
class ReleaseNotices {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyMail mail;
    private final CaseRepository cases;
    private final AuditLog audit;

    ReleaseNotices(CounterpartyRequestRepository counterpartyRequests, CounterpartyMail mail, CaseRepository cases, AuditLog audit) {
        this.counterpartyRequests = counterpartyRequests;
        this.mail = mail;
        this.cases = cases;
        this.audit = audit;
    }

    void send(long counterpartyRequestId) {
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(counterpartyRequestId);
        if (counterpartyRequest.notifiedAt() == null) {
            audit.record(Actor.ENGINE, "RELEASE_NOTICE_NOT_NEEDED", "counterparty_request", counterpartyRequestId,
                    cases.caseOfRequest(counterpartyRequest.freezeRequestId()).reference(), null,
                    "withdrawn before its notification went out");
            return;
        }
        mail.send(counterpartyRequestId, CounterpartyMail.Kind.RELEASE_NOTICE);
    }
}
