package org.freezedesk.portal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Urgency;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;

/**
 * The JSON shape of a counterparty's own request, for exchanges that integrate: what the portal page shows,
 * nothing more. Amounts are strings so that no client reads them as floating point.
 */
record PortalRequestDocument(long id, String caseReference, String caseTitle, String agency, int requestSequence, String legalBasis,
        String courtOrderReference, String mlatReference, Urgency urgency, String counterparty, CounterpartyRequestState state,
        OffsetDateTime dueAt, Acknowledgement acknowledgement, List<TargetDocument> targets, List<ResponseDocument> responses) {

    record Acknowledgement(String name, String title, OffsetDateTime at) {
    }

    /**
     * {@code caip10} names the account as chain and address do, as a CAIP-10 account id. {@code outcome} is the one in
     * force, from the latest response naming the target; null until then.
     */
    record TargetDocument(long id, int line, String chain, String asset, String address, String caip10, String amount, int decimals,
            String txHashes, String note, OutcomeDocument outcome) {
    }

    record OutcomeDocument(long targetId, Outcome outcome, String frozenAmount, String internalReference, LocalDate heldUntil,
            String onwardTxHash, String onwardAddress, String reason) {

        static OutcomeDocument of(TargetOutcome o) {
            return new OutcomeDocument(o.targetId(), o.outcome(), o.frozenAmount() == null ? null : o.frozenAmountText(),
                    o.internalReference(), o.heldUntil(), o.onwardTxHash(), o.onwardAddress(), o.reason());
        }
    }

    record ResponseDocument(long id, OffsetDateTime submittedAt, String submittedBy, List<OutcomeDocument> outcomes) {
    }
}
