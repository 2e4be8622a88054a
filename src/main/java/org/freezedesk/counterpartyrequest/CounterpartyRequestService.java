package org.freezedesk.counterpartyrequest;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.ClosedCases;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.input.NotOpenException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** What a counterparty does through its link: acknowledge, then report outcomes, as often as it needs. */
@Service
public class CounterpartyRequestService {

    private static final int CORRELATION_ATTEMPTS = 5;

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CaseRepository cases;
    private final AuditLog audit;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ClosedCases closedCases;

    CounterpartyRequestService(CounterpartyRequestRepository counterpartyRequests, CaseRepository cases, AuditLog audit,
            RuntimeService runtimeService, TransactionTemplate transaction, ApplicationEventPublisher events, ClosedCases closedCases) {
        this.closedCases = closedCases;
        this.counterpartyRequests = counterpartyRequests;
        this.cases = cases;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
        this.events = events;
    }

    /** Only the first acknowledgement is kept; a second one changes nothing. */
    public void acknowledge(CounterpartyRequest counterpartyRequest, String name, String title, Actor actor) {
        transaction.executeWithoutResult(status -> {
            refuseIfCaseClosed(counterpartyRequest);
            CounterpartyRequestState before = counterpartyRequests.find(counterpartyRequest.id()).state();
            if (counterpartyRequests.acknowledge(counterpartyRequest.id(), name, title)) {
                String caseReference = caseReference(counterpartyRequest);
                audit.record(actor, "ACKNOWLEDGED", "counterparty_request", counterpartyRequest.id(), caseReference,
                        before.name(), counterpartyRequests.find(counterpartyRequest.id()).state() + " by " + name + ", " + title);
                events.publishEvent(new CounterpartyAcknowledged(counterpartyRequest.id(), counterpartyRequest.freezeRequestId(),
                        counterpartyRequest.counterpartyId(), caseReference));
            }
        });
    }

    /** Keeps the form as typed, without submitting anything: the process is not told. */
    public void saveDraft(CounterpartyRequest counterpartyRequest, String content, int answeredRows, Actor actor) {
        transaction.executeWithoutResult(status -> {
            refuseIfCaseClosed(counterpartyRequest);
            counterpartyRequests.saveDraft(counterpartyRequest.id(), content);
            audit.record(actor, "DRAFT_SAVED", "counterparty_request", counterpartyRequest.id(), caseReference(counterpartyRequest),
                    null, "draft with an outcome for " + answeredRows + " target(s)");
        });
    }

    /**
     * Stores the response first and only then tells the process, which reads the outcomes from the table:
     * a response is never lost, even when the process is busy with an earlier one. {@link CounterpartyResponded}
     * is published in the same transaction, so other features hear of every stored answer, late or not.
     */
    public void respond(CounterpartyRequest counterpartyRequest, String submittedByName, String clientAddress,
            List<NewOutcome> outcomes, Actor actor) {
        transaction.executeWithoutResult(status -> {
            refuseIfCaseClosed(counterpartyRequest);
            CounterpartyRequestState before = counterpartyRequests.find(counterpartyRequest.id()).state();
            long responseId = counterpartyRequests.insertResponse(counterpartyRequest.id(), submittedByName, clientAddress, outcomes);
            String caseReference = caseReference(counterpartyRequest);
            audit.record(actor, "RESPONDED", "counterparty_response", responseId, caseReference, before.name(),
                    counterpartyRequests.find(counterpartyRequest.id()).state() + ": " + describe(outcomes));
            events.publishEvent(new CounterpartyResponded(counterpartyRequest.id(), responseId, counterpartyRequest.freezeRequestId(),
                    caseReference, outcomes.stream()
                            .map(o -> new CounterpartyResponded.TargetAnswer(o.targetId(), o.outcome(), o.heldUntil())).toList()));
        });
        correlate(counterpartyRequest.id());
    }

    private void correlate(long counterpartyRequestId) {
        for (int attempt = 1; ; attempt++) {
            try {
                runtimeService.createMessageCorrelation(CounterpartyRequestProcess.RESPONSE_MESSAGE)
                        .processInstanceVariableEquals(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, counterpartyRequestId)
                        .correlateAllWithResult();
                return;
            } catch (OptimisticLockingException concurrentResponse) {
                if (attempt == CORRELATION_ATTEMPTS) {
                    throw concurrentResponse;
                }
            }
        }
    }

    /** Whether the case this request belongs to was closed: then nothing of it changes any more. */
    public boolean caseClosed(CounterpartyRequest counterpartyRequest) {
        return closedCases.isClosed(caseReference(counterpartyRequest));
    }

    /** A closed case keeps the answers and totals it was closed with, whoever sends more. */
    private void refuseIfCaseClosed(CounterpartyRequest counterpartyRequest) {
        if (caseClosed(counterpartyRequest)) {
            throw new NotOpenException("Case " + caseReference(counterpartyRequest)
                    + " is closed and takes no more answers; contact the requesting agency if something changed");
        }
    }

    private String caseReference(CounterpartyRequest counterpartyRequest) {
        return cases.caseOfRequest(counterpartyRequest.freezeRequestId()).reference();
    }

    private static String describe(List<NewOutcome> outcomes) {
        StringBuilder text = new StringBuilder();
        for (NewOutcome o : outcomes) {
            text.append("target ").append(o.targetId()).append(": ").append(o.outcome());
            if (o.frozenAmount() != null) {
                text.append(' ').append(o.frozenAmount().stripTrailingZeros().toPlainString());
            }
            text.append("; ");
        }
        return text.toString().strip();
    }
}
