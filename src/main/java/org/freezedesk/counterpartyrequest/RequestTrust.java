package org.freezedesk.counterpartyrequest;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.freezedesk.audit.Canonical;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.AgencyRegistry;
import org.springframework.stereotype.Component;

/**
 * What lets a counterparty trust a request at a glance, on every mail and portal page and on the verification page:
 * the requesting agency as the registry knows it (jurisdiction, vetting status, who vetted it and when) and a
 * fingerprint of the request's content, so that a contact who received the request by another channel (a phone call,
 * a letter, a forwarded copy) can compare the two.
 *
 * <p>The fingerprint is the SHA-256 of an RFC 8785 JSON object of strings: {@code version}, {@code reference},
 * {@code agency}, {@code counterparty}, {@code legalBasis}, {@code courtOrderReference}, {@code mlatReference},
 * {@code deadline} (UTC, or null before the notification went out) and {@code targets}, the counterparty's targets
 * one per line as {@code line|chain|asset|address|amount} ("all" when no amount), in line order. Any change to one of
 * them (an amended legal basis, a moved deadline, a target more) changes it.
 */
@Component
public class RequestTrust {

    static final String VERSION = "freezedesk-request-fingerprint-1";

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final AgencyRegistry agencies;
    private final AskingAgency askingAgency;

    RequestTrust(CounterpartyRequestRepository counterpartyRequests, CounterpartyRepository counterparties, CaseRepository cases,
            AgencyRegistry agencies, AskingAgency askingAgency) {
        this.askingAgency = askingAgency;
        this.counterpartyRequests = counterpartyRequests;
        this.counterparties = counterparties;
        this.cases = cases;
        this.agencies = agencies;
    }

    public Trust of(long counterpartyRequestId) {
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(counterpartyRequestId);
        FreezeRequest request = cases.request(counterpartyRequest.freezeRequestId());
        Counterparty counterparty = counterparties.findById(counterpartyRequest.counterpartyId()).orElseThrow();
        return of(counterpartyRequest, request, cases.caseOfRequest(request.id()), counterparty,
                cases.targetsRoutedTo(request.id(), counterparty.id()));
    }

    /**
     * The same from what the caller has read already (the portal's request document reads every one of them), so
     * that a page costs these reads once, not twice; {@code targets} are the ones routed to this counterparty.
     */
    public Trust of(CounterpartyRequest counterpartyRequest, FreezeRequest request, FreezeCase freezeCase, Counterparty counterparty,
            List<Target> targets) {
        String agency = askingAgency.of(request);
        return new Trust(agency, agencies.standing(agency).orElse(null),
                Canonical.sha256(canonical(freezeCase, agency, request, counterpartyRequest, counterparty, targets)));
    }

    static String canonical(FreezeCase freezeCase, String agency, FreezeRequest request, CounterpartyRequest counterpartyRequest,
            Counterparty counterparty, List<Target> targets) {
        Map<String, String> content = new TreeMap<>();
        content.put("version", VERSION);
        content.put("reference", freezeCase.reference());
        content.put("agency", agency);
        content.put("counterparty", counterparty.name());
        content.put("legalBasis", request.legalBasis());
        content.put("courtOrderReference", request.courtOrderReference());
        content.put("mlatReference", request.mlatReference());
        content.put("deadline", counterpartyRequest.dueAt() == null ? null : Canonical.format(counterpartyRequest.dueAt()));
        StringBuilder lines = new StringBuilder();
        for (Target t : targets) {
            lines.append(t.lineNumber()).append('|').append(t.chain()).append('|').append(t.asset()).append('|').append(t.address())
                    .append('|').append(t.amountText()).append('\n');
        }
        content.put("targets", lines.toString());
        return Canonical.json(content);
    }
}
