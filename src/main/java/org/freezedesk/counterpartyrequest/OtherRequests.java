package org.freezedesk.counterpartyrequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.springframework.stereotype.Component;

/**
 * The other open requests of a case addressed to the same counterparty, and which of their targets are the same as
 * targets of the request at hand: same chain, same asset, same address as the address checks write it. A counterparty
 * answers such a target once and the answer counts for each of them. Nothing of requests to other counterparties.
 */
@Component
public class OtherRequests {

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CaseRepository cases;
    private final AskingAgency askingAgency;
    private final AddressValidator addresses;

    OtherRequests(CounterpartyRequestRepository counterpartyRequests, CaseRepository cases, AskingAgency askingAgency,
            AddressValidator addresses) {
        this.counterpartyRequests = counterpartyRequests;
        this.cases = cases;
        this.askingAgency = askingAgency;
        this.addresses = addresses;
    }

    /**
     * @param label            how the counterparty names it, {@code FRZ-2026-000123/2}
     * @param takesSharedAnswers false when the request forbids telling the customer: it is answered on its own, with its
     *                         confirmation, and an answer through another request does not count for it
     * @param sharedTargets    the targets it asks for that the request at hand asks for too, in the request at hand's line order
     */
    public record OtherRequest(long counterpartyRequestId, String label, int requestSequence, String askingAgency,
            CounterpartyRequestState state, boolean takesSharedAnswers, List<SharedTarget> sharedTargets) {

        public OtherRequest {
            sharedTargets = List.copyOf(sharedTargets);
        }
    }

    /**
     * A target of the request at hand ({@code targetId}, line {@code line}) that the other request asks for as its
     * {@code otherTargetId}, for {@code otherAmount} (null: everything held at the address).
     */
    public record SharedTarget(long targetId, int line, long otherTargetId, int otherLine, BigDecimal otherAmount) {
    }

    /** Open means neither withdrawn nor closed; in the order the case's requests were filed. */
    public List<OtherRequest> of(CounterpartyRequest counterpartyRequest) {
        List<CounterpartyRequest> open = counterpartyRequests.othersOfCaseToSameCounterparty(counterpartyRequest.id()).stream()
                .filter(other -> other.state() != CounterpartyRequestState.WITHDRAWN && other.state() != CounterpartyRequestState.CLOSED)
                .toList();
        if (open.isEmpty()) {
            return List.of();
        }
        FreezeCase freezeCase = cases.caseOfRequest(counterpartyRequest.freezeRequestId());
        List<Target> own = cases.targetsRoutedTo(counterpartyRequest.freezeRequestId(), counterpartyRequest.counterpartyId());
        List<OtherRequest> others = new ArrayList<>();
        for (CounterpartyRequest other : open) {
            FreezeRequest request = cases.request(other.freezeRequestId());
            Map<String, List<Target>> theirs = new LinkedHashMap<>();
            cases.targetsRoutedTo(other.freezeRequestId(), other.counterpartyId())
                    .forEach(t -> theirs.computeIfAbsent(key(t), k -> new ArrayList<>()).add(t));
            List<SharedTarget> shared = new ArrayList<>();
            for (Target t : own) {
                theirs.getOrDefault(key(t), List.of()).forEach(o -> shared.add(new SharedTarget(t.id(), t.lineNumber(), o.id(), o.lineNumber(), o.amount())));
            }
            others.add(new OtherRequest(other.id(), RequestLabel.of(freezeCase.reference(), request.sequenceNumber()),
                    request.sequenceNumber(), askingAgency.of(request.id()), other.state(), !request.doNotNotify(), shared));
        }
        others.sort((a, b) -> Integer.compare(a.requestSequence(), b.requestSequence()));
        return others;
    }

    /** Chain, asset and address as the address checks normalise it; an address they refuse is compared as stored. */
    private String key(Target target) {
        String address = Chain.parse(target.chain()).map(chain -> addresses.checkAddress(chain, target.address()))
                .filter(AddressCheck::valid).map(AddressCheck::normalized).orElse(target.address().strip());
        return target.chain().strip().toUpperCase(Locale.ROOT) + "|" + target.asset().strip().toUpperCase(Locale.ROOT) + "|" + address;
    }
}
