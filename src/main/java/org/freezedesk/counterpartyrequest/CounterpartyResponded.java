package org.freezedesk.counterpartyrequest;

import java.time.LocalDate;
import java.util.List;

/**
 * A counterparty's answer was stored. Published in the transaction that stores it, whatever the counterparty
 * request's process is doing (waiting, overdue, or already ended), so a listener never misses an answer.
 *
 * @param responseId the stored answer, one per submission: what tells two identical answers apart
 * @param targets what the counterparty reported in this answer, one entry per target it answered
 */
public record CounterpartyResponded(long counterpartyRequestId, long responseId, long freezeRequestId, String caseReference,
        List<TargetAnswer> targets) {

    public CounterpartyResponded {
        targets = List.copyOf(targets);
    }

    /** @param heldUntil the date until which the counterparty holds the freeze, or {@code null} if it gave none */
    public record TargetAnswer(long targetId, Outcome outcome, LocalDate heldUntil) {
    }
}
