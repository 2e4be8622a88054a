package org.freezedesk.counterpartyrequest;

import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A contact whose link expired or was revoked asks for a fresh one. It goes out only when the address typed is
 * one of the counterparty's registered contacts, and then only to the registered contacts, so a leaked link can
 * never be turned into a working one by its finder.
 */
@Service
public class LinkRenewals {

    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final RuntimeService runtimeService;
    private final AuditLog audit;

    LinkRenewals(CounterpartyRepository counterparties, CaseRepository cases, RuntimeService runtimeService, AuditLog audit) {
        this.counterparties = counterparties;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /** True when a fresh link is on its way; callers answer the same either way. */
    @Transactional
    public boolean request(CounterpartyRequest counterpartyRequest, String email) {
        String address = email.strip().toLowerCase(Locale.ROOT);
        String reference = cases.caseOfRequest(counterpartyRequest.freezeRequestId()).reference();
        Actor actor = Actor.counterparty(counterparties.findById(counterpartyRequest.counterpartyId()).orElseThrow().name(),
                counterpartyRequest.id());
        boolean registered = counterparties.contacts(counterpartyRequest.counterpartyId()).stream()
                .anyMatch(contact -> contact.email().strip().toLowerCase(Locale.ROOT).equals(address));
        if (!registered) {
            audit.record(actor, "LINK_RENEWAL_REFUSED", "counterparty_request", counterpartyRequest.id(), reference, null,
                    "not a registered contact: " + address);
            return false;
        }
        // A process of its own, so that the mail is a retried job like every other, whatever the request's state.
        runtimeService.startProcessInstanceByKey(LinkRenewalProcess.KEY, reference,
                Map.of(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, counterpartyRequest.id(),
                        LinkRenewalProcess.RENEWAL_REQUESTED_BY, address));
        audit.record(actor, "LINK_RENEWAL_REQUESTED", "counterparty_request", counterpartyRequest.id(), reference, null,
                "asked by " + address);
        return true;
    }
}
