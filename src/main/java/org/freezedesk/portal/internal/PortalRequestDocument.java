package org.freezedesk.portal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Urgency;
import org.freezedesk.counterpartyrequest.OtherRequests;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.counterpartyrequest.Trust;
import org.freezedesk.security.AgencyStanding;
import org.freezedesk.security.VettingStatus;

/**
 * The JSON shape of a counterparty's own request, for exchanges that integrate: what the portal page shows,
 * nothing more. Amounts are strings so that no client reads them as floating point. {@code doNotNotify} is present
 * when the counterparty must not tell its customer; every answer then sends {@code "doNotNotifyConfirmed": true}.
 * A {@code state} WITHDRAWN means: release the freeze, and confirm it per target ({@code POST /api/v1/portal/releases}).
 * {@code otherRequests} are the other open requests of the same case to the same counterparty: an answer for one of
 * their {@code sharedTargets} counts for them too, unless {@code takesSharedAnswers} is false.
 */
record PortalRequestDocument(long id, String caseReference, String caseTitle, String agency, AgencyDocument requestingAgency,
        int requestSequence, String legalBasis, String courtOrderReference, String mlatReference, Urgency urgency, DoNotNotify doNotNotify,
        String counterparty,
        CounterpartyRequestState state, OffsetDateTime dueAt, Acknowledgement acknowledgement, List<TargetDocument> targets,
        List<ResponseDocument> responses, List<OtherRequestDocument> otherRequests) {

    /**
     * Another open request of the case to the same counterparty: {@code reference} as {@code FRZ-2026-000123/2}, who asks it,
     * its state, and which targets of this request ({@code targetId}, {@code line}) it asks for too ({@code otherLine} in it).
     * {@code takesSharedAnswers} is false for a request that forbids telling the customer: answer it on its own.
     */
    record OtherRequestDocument(long id, String reference, int requestSequence, String askingAgency, CounterpartyRequestState state,
            boolean takesSharedAnswers, List<SharedTargetDocument> sharedTargets) {

        static OtherRequestDocument of(OtherRequests.OtherRequest other) {
            return new OtherRequestDocument(other.counterpartyRequestId(), other.label(), other.requestSequence(), other.askingAgency(),
                    other.state(), other.takesSharedAnswers(), other.sharedTargets().stream()
                            .map(t -> new SharedTargetDocument(t.targetId(), t.line(), t.otherLine())).toList());
        }
    }

    record SharedTargetDocument(long targetId, int line, int otherLine) {
    }

    /** Do not tell the customer about the request, on this legal basis, until this date (inclusive). */
    @Schema(name = "PortalDoNotNotify")
    record DoNotNotify(String legalBasis, LocalDate until) {
    }

    /**
     * The agency as FreezeDesk's registry knows it ({@code registered} false, and the rest null, when it does not) and the
     * request's fingerprint: SHA-256 in hex, and its first 128 bits grouped as mails and pages show them.
     */
    record AgencyDocument(String name, boolean registered, String jurisdiction, VettingStatus vettingStatus, String vettedBy,
            OffsetDateTime vettedAt, Boolean active, String fingerprint, String fingerprintGroups) {

        static AgencyDocument of(Trust trust) {
            AgencyStanding s = trust.standing();
            return new AgencyDocument(trust.agencyName(), s != null, s == null ? null : s.jurisdiction(), s == null ? null : s.vettingStatus(),
                    s == null ? null : s.vettedBy(), s == null ? null : s.vettedAt(), s == null ? null : s.active(), trust.fingerprint(),
                    trust.fingerprintGroups());
        }
    }

    record Acknowledgement(String name, String title, OffsetDateTime at) {
    }

    /**
     * {@code caip10} names the account as chain and address do, as a CAIP-10 account id. {@code outcome} is the one in
     * force, from the latest response naming the target; null until then.
     */
    @Schema(name = "PortalTarget")
    record TargetDocument(long id, int line, String chain, String asset, String address, String caip10, String amount, int decimals,
            String txHashes, String note, OutcomeDocument outcome) {
    }

    /** {@code answeredThrough}: the other request of the case this answer was given through, or null when given through this one. */
    record OutcomeDocument(long targetId, Outcome outcome, String frozenAmount, String internalReference, LocalDate heldUntil,
            String onwardTxHash, String onwardAddress, String reason, String answeredThrough) {

        static OutcomeDocument of(TargetOutcome o) {
            return new OutcomeDocument(o.targetId(), o.outcome(), o.frozenAmount() == null ? null : o.frozenAmountText(),
                    o.internalReference(), o.heldUntil(), o.onwardTxHash(), o.onwardAddress(), o.reason(), o.answeredThrough());
        }
    }

    /** {@code answeredThrough}: the other request of the case this response was sent through, or null when sent through this one. */
    record ResponseDocument(long id, OffsetDateTime submittedAt, String submittedBy, boolean doNotNotifyConfirmed, String answeredThrough,
            List<OutcomeDocument> outcomes) {
    }
}
