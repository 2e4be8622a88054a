package org.freezedesk.cases.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.freezedesk.address.Caip10;
import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.cases.SanctionsScreeningResult;
import org.freezedesk.cases.Urgency;

/** The JSON shape of a case; amounts are strings so that no client reads them as floating point. */
record CaseDocument(String reference, String title, String agency, String incidentSummary, String victim, LocalDate theftDate,
        OffsetDateTime createdAt, List<Request> requests, List<CounterpartyRequest> counterpartyRequests, List<Total> totals,
        List<LeadDocument> leads) {

    /**
     * Funds a counterparty reported as moved on: {@code id} names the lead, {@code followedUp} is true once a request
     * targets its onward address.
     */
    @Schema(name = "CaseLead")
    record LeadDocument(long id, String counterparty, String chain, String asset, String onwardAddress, String onwardTxHash,
            OffsetDateTime reportedAt, boolean followedUp) {
    }

    record Request(int sequence, FreezeRequestState state, String legalBasis, String courtOrderReference, String mlatReference,
            Urgency urgency, String emergencyJustification, DoNotNotify doNotNotify, String filedBy, String agency, OffsetDateTime filedAt,
            List<TargetDocument> targets, List<Group> groups, Sanctions sanctionsScreening) {
    }

    /** Present when the counterparties must not tell their customer: on what legal basis, until when (inclusive). */
    record DoNotNotify(String legalBasis, LocalDate until) {
    }

    /** {@code listDate} and {@code screenedAt} are null while the request was not screened (no SDN list imported yet). */
    record Sanctions(boolean screened, LocalDate listDate, OffsetDateTime screenedAt, List<SanctionsHit> hits) {

        static Sanctions of(SanctionsScreeningResult r) {
            if (r == null) {
                return new Sanctions(false, null, null, List.of());
            }
            return new Sanctions(r.screened(), r.listDate(), r.screenedAt(), r.hits().stream().map(h -> new SanctionsHit(h.line(), h.chain(),
                    h.address(), h.entryUid(), h.entryName(), h.programmes(), h.currency())).toList());
        }
    }

    record SanctionsHit(int line, String chain, String address, String entryUid, String entryName, String programmes, String currency) {
    }

    /**
     * {@code caip10} names the account as chain and address do, as a CAIP-10 account id. {@code unattributed} is true
     * when no counterparty holds the target, so nobody will be asked to freeze it.
     */
    @Schema(name = "CaseTarget")
    record TargetDocument(long id, int line, String chain, String asset, String address, String caip10, String amount, String txHashes,
            String note, boolean unattributed, List<RouteDocument> routes) {
    }

    record RouteDocument(String counterparty, String reason, String overrideReason, String overriddenBy) {
    }

    /** {@code counterparty} is null for the group of unattributed targets. */
    record Group(String counterparty, int targets, List<GroupTotal> totals) {
    }

    record GroupTotal(String asset, String amount, int allCount) {
    }

    record CounterpartyRequest(long id, int requestSequence, String counterparty, CounterpartyRequestState state,
            OffsetDateTime notifiedAt, OffsetDateTime acknowledgedAt, OffsetDateTime respondedAt, OffsetDateTime closedAt,
            int targets, int answered) {
    }

    record Total(String asset, String requested, int requestedAllCount, String frozen) {
    }

    static CaseDocument of(CaseView view, Map<Long, SanctionsScreeningResult> sanctions) {
        FreezeCase c = view.freezeCase();
        return new CaseDocument(c.reference(), c.title(), c.agency(), c.incidentSummary(), c.victim(), c.theftDate(), c.createdAt(),
                view.requests().stream().map(r -> request(r, sanctions.get(r.request().id()))).toList(),
                view.counterpartyRequests().stream().map(s -> new CounterpartyRequest(s.id(), s.requestSequence(),
                        s.counterpartyName(), s.state(), s.notifiedAt(), s.acknowledgedAt(), s.respondedAt(), s.closedAt(),
                        s.targetCount(), s.answeredCount())).toList(),
                view.totals().stream().map(t -> new Total(t.asset(), t.requested(), t.requestedAllCount(), t.frozen())).toList(),
                view.leads().stream().map(l -> new LeadDocument(l.outcomeId(), l.counterpartyName(), l.chain(), l.asset(),
                        l.onwardAddress(), l.onwardTxHash(), l.reportedAt(), l.followedUp())).toList());
    }

    private static Request request(CaseView.RequestView r, SanctionsScreeningResult sanctions) {
        return new Request(r.request().sequenceNumber(), r.request().state(), r.request().legalBasis(),
                r.request().courtOrderReference(), r.request().mlatReference(), r.request().urgency(),
                r.request().emergencyJustification(),
                r.request().doNotNotify() ? new DoNotNotify(r.request().doNotNotifyBasis(), r.request().doNotNotifyUntil()) : null,
                r.request().filedBy(),
                r.request().agency(),
                r.request().filedAt(),
                r.targets().stream().map(t -> {
                    List<RouteDocument> routes = r.routesOf(t).stream().map(route -> new RouteDocument(route.counterpartyName(),
                            route.reason().name(), route.overrideReason(), route.overriddenBy())).toList();
                    return new TargetDocument(t.id(), t.lineNumber(), t.chain(), t.asset(), t.address(),
                            Caip10.of(t.chain(), t.address()), t.amountText(),
                            t.txHashes(), t.note(), routes.isEmpty(), routes);
                }).toList(),
                r.groups().stream().map(g -> new Group(g.counterpartyName(), g.targets().size(),
                        g.totals().stream().map(t -> new GroupTotal(t.asset(), t.amountText(), t.allCount())).toList())).toList(),
                Sanctions.of(sanctions));
    }
}
