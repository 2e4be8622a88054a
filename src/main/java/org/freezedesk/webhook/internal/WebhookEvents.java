package org.freezedesk.webhook.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freezedesk.cases.FreezeRequestCompleted;
import org.freezedesk.counterpartyrequest.CounterpartyAcknowledged;
import org.freezedesk.counterpartyrequest.CounterpartyNotified;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyResponded;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.recovery.FreezeHoldLapsing;
import org.freezedesk.recovery.RecoveryConfirmed;
import org.freezedesk.review.RequestApproved;
import org.freezedesk.webhook.WebhookEventType;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hears the other modules' events in their own transactions, just before they commit, and stores the deliveries there:
 * the delivery rows are an outbox already, so they commit or roll back with the change they tell of. (As
 * {@code @ApplicationModuleListener}s they cost a transaction per event and listener even with nobody subscribed, for
 * the publication's completion: 17 of a case's write transactions.)
 */
@Component
class WebhookEvents {

    /**
     * Before-commit work runs in this order; the audit log appends at the lowest precedence, when it takes the lock on
     * the chain head that every change in the system waits for, so these reads must come before it, not under it.
     */
    private static final int BEFORE_THE_AUDIT_APPEND = 0;

    private final WebhookDispatcher dispatcher;
    private final CounterpartyRequestRepository counterpartyRequests;

    WebhookEvents(WebhookDispatcher dispatcher, CounterpartyRequestRepository counterpartyRequests) {
        this.dispatcher = dispatcher;
        this.counterpartyRequests = counterpartyRequests;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Order(BEFORE_THE_AUDIT_APPEND)
    void requestApproved(RequestApproved event) {
        dispatcher.dispatch(WebhookEventType.REQUEST_APPROVED, "request.approved/" + event.freezeRequestId(), event.caseReference(),
                null, data(event.caseReference(), event.freezeRequestId(), null, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Order(BEFORE_THE_AUDIT_APPEND)
    void requestCompleted(FreezeRequestCompleted event) {
        dispatcher.dispatch(WebhookEventType.REQUEST_COMPLETED, "request.completed/" + event.freezeRequestId(), event.caseReference(),
                null, data(event.caseReference(), event.freezeRequestId(), null, null));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Order(BEFORE_THE_AUDIT_APPEND)
    void counterpartyNotified(CounterpartyNotified event) {
        Map<String, Object> data = data(event.caseReference(), event.freezeRequestId(), event.counterpartyId(), event.counterpartyRequestId());
        data.put("deadline", event.deadline().toString());
        dispatcher.dispatch(WebhookEventType.COUNTERPARTY_NOTIFIED, "counterparty.notified/" + event.counterpartyRequestId(),
                event.caseReference(), event.counterpartyId(), data);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Order(BEFORE_THE_AUDIT_APPEND)
    void counterpartyAcknowledged(CounterpartyAcknowledged event) {
        dispatcher.dispatch(WebhookEventType.COUNTERPARTY_ACKNOWLEDGED, "counterparty.acknowledged/" + event.counterpartyRequestId(),
                event.caseReference(), event.counterpartyId(),
                data(event.caseReference(), event.freezeRequestId(), event.counterpartyId(), event.counterpartyRequestId()));
    }

    /** Every answer; the targets it reports as moved on are leads, told as an event of their own. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Order(BEFORE_THE_AUDIT_APPEND)
    void counterpartyResponded(CounterpartyResponded event) {
        long counterpartyId = counterpartyRequests.find(event.counterpartyRequestId()).counterpartyId();
        List<TargetOutcome> answered = counterpartyRequests.history(event.counterpartyRequestId()).stream()
                .filter(o -> o.responseId() == event.responseId()).toList();
        Map<String, Object> data = data(event.caseReference(), event.freezeRequestId(), counterpartyId, event.counterpartyRequestId());
        data.put("responseId", event.responseId());
        data.put("targets", answered.stream().map(WebhookEvents::answer).toList());
        dispatcher.dispatch(WebhookEventType.COUNTERPARTY_ANSWERED, "counterparty.answered/" + event.responseId(),
                event.caseReference(), counterpartyId, data);

        List<TargetOutcome> moved = answered.stream().filter(o -> o.outcome() == Outcome.FUNDS_MOVED).toList();
        if (!moved.isEmpty()) {
            Map<String, Object> leads = data(event.caseReference(), event.freezeRequestId(), counterpartyId, event.counterpartyRequestId());
            leads.put("responseId", event.responseId());
            leads.put("leads", moved.stream().map(WebhookEvents::lead).toList());
            dispatcher.dispatch(WebhookEventType.LEAD_REPORTED, "lead.reported/" + event.responseId(), event.caseReference(),
                    counterpartyId, leads);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Order(BEFORE_THE_AUDIT_APPEND)
    void holdLapsing(FreezeHoldLapsing event) {
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(event.counterpartyRequestId());
        Map<String, Object> data = data(event.caseReference(), counterpartyRequest.freezeRequestId(), counterpartyRequest.counterpartyId(),
                event.counterpartyRequestId());
        data.put("freezeHoldId", event.freezeHoldId());
        data.put("targetId", event.targetId());
        data.put("heldUntil", event.heldUntil().toString());
        dispatcher.dispatch(WebhookEventType.HOLD_LAPSING, "hold.lapsing/" + event.freezeHoldId() + "/" + event.heldUntil(),
                event.caseReference(), counterpartyRequest.counterpartyId(), data);
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    @Order(BEFORE_THE_AUDIT_APPEND)
    void recoveryConfirmed(RecoveryConfirmed event) {
        CounterpartyRequest counterpartyRequest = counterpartyRequests.find(event.counterpartyRequestId());
        Map<String, Object> data = data(event.caseReference(), counterpartyRequest.freezeRequestId(), counterpartyRequest.counterpartyId(),
                event.counterpartyRequestId());
        data.put("recoveryInstructionId", event.recoveryInstructionId());
        data.put("targetId", event.targetId());
        data.put("asset", event.asset());
        data.put("amount", event.amount().stripTrailingZeros().toPlainString());
        data.put("transferTxHash", event.transferTxHash());
        data.put("transferredOn", event.transferredOn().toString());
        dispatcher.dispatch(WebhookEventType.RECOVERY_CONFIRMED, "recovery.confirmed/" + event.recoveryInstructionId(),
                event.caseReference(), counterpartyRequest.counterpartyId(), data);
    }

    private static Map<String, Object> data(String caseReference, long requestId, Long counterpartyId, Long counterpartyRequestId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseReference", caseReference);
        data.put("requestId", requestId);
        if (counterpartyId != null) {
            data.put("counterpartyId", counterpartyId);
            data.put("counterpartyRequestId", counterpartyRequestId);
        }
        return data;
    }

    private static Map<String, Object> answer(TargetOutcome outcome) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("targetId", outcome.targetId());
        answer.put("outcome", outcome.outcome().name());
        answer.put("frozenAmount", outcome.frozenAmount() == null ? null : outcome.frozenAmountText());
        answer.put("heldUntil", outcome.heldUntil() == null ? null : outcome.heldUntil().toString());
        return answer;
    }

    private static Map<String, Object> lead(TargetOutcome outcome) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("targetId", outcome.targetId());
        lead.put("onwardTxHash", outcome.onwardTxHash());
        lead.put("onwardAddress", outcome.onwardAddress());
        return lead;
    }
}
