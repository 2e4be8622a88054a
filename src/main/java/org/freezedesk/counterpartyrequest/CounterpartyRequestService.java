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

    /** As {@link #respond(CounterpartyRequest, String, String, List, boolean, Actor)}, without confirming do-not-notify. */
    public void respond(CounterpartyRequest counterpartyRequest, String submittedByName, String clientAddress,
            List<NewOutcome> outcomes, Actor actor) {
        respond(counterpartyRequest, submittedByName, clientAddress, outcomes, false, actor);
    }

    /**
     * Stores the response first and only then tells the process, which reads the outcomes from the table:
     * a response is never lost, even when the process is busy with an earlier one. {@link CounterpartyResponded}
     * is published in the same transaction, so other features hear of every stored answer, late or not. A request
     * that forbids telling the customer takes an answer only with {@code doNotNotifyConfirmed}; a withdrawn request
     * takes none but the confirmation of its release.
     */
    public void respond(CounterpartyRequest counterpartyRequest, String submittedByName, String clientAddress,
            List<NewOutcome> outcomes, boolean doNotNotifyConfirmed, Actor actor) {
        transaction.executeWithoutResult(status -> {
            refuseIfCaseClosed(counterpartyRequest);
            CounterpartyRequestState before = counterpartyRequests.find(counterpartyRequest.id()).state();
            refuseIfWithdrawn(before);
            requireConfirmation(counterpartyRequest, doNotNotifyConfirmed);
            long responseId = counterpartyRequests.insertResponse(counterpartyRequest.id(), submittedByName, clientAddress, outcomes,
                    doNotNotifyConfirmed);
            String caseReference = caseReference(counterpartyRequest);
            audit.record(actor, "RESPONDED", "counterparty_response", responseId, caseReference, before.name(),
                    counterpartyRequests.find(counterpartyRequest.id()).state() + ": " + describe(outcomes) + confirmation(doNotNotifyConfirmed));
            events.publishEvent(new CounterpartyResponded(counterpartyRequest.id(), responseId, counterpartyRequest.freezeRequestId(),
                    caseReference, outcomes.stream()
                            .map(o -> new CounterpartyResponded.TargetAnswer(o.targetId(), o.outcome(), o.heldUntil())).toList()));
        });
        correlate(counterpartyRequest.id());
    }

    /**
     * The counterparty confirms it lifted the freeze on these targets of a withdrawn request: stored as a RELEASED
     * outcome each, which then is the answer in force. The process has ended; there is nothing to tell it.
     */
    public void confirmRelease(CounterpartyRequest counterpartyRequest, String submittedByName, String clientAddress,
            List<Long> targetIds, boolean doNotNotifyConfirmed, Actor actor) {
        transaction.executeWithoutResult(status -> {
            refuseIfCaseClosed(counterpartyRequest);
            CounterpartyRequestState state = counterpartyRequests.find(counterpartyRequest.id()).state();
            if (state != CounterpartyRequestState.WITHDRAWN) {
                throw new NotOpenException("This request stands: there is no freeze to release");
            }
            requireConfirmation(counterpartyRequest, doNotNotifyConfirmed);
            List<NewOutcome> released = targetIds.stream()
                    .map(id -> new NewOutcome(id, Outcome.RELEASED, null, null, null, null, null, null)).toList();
            long responseId = counterpartyRequests.insertResponse(counterpartyRequest.id(), submittedByName, clientAddress, released,
                    doNotNotifyConfirmed);
            audit.record(actor, "RELEASE_CONFIRMED", "counterparty_response", responseId, caseReference(counterpartyRequest),
                    state.name(), describe(released) + confirmation(doNotNotifyConfirmed));
        });
    }

    /** A withdrawn request takes no answers and no drafts: its counterparty releases the freeze instead. */
    public void refuseIfWithdrawn(CounterpartyRequest counterpartyRequest) {
        refuseIfWithdrawn(counterpartyRequest.state());
    }

    private static void refuseIfWithdrawn(CounterpartyRequestState state) {
        if (state == CounterpartyRequestState.WITHDRAWN) {
            throw new NotOpenException("This request was withdrawn and takes no answers: release the freeze and confirm it per address");
        }
    }

    /** The portal asks for the confirmation before it gets here; this keeps any other caller from skipping it. */
    private void requireConfirmation(CounterpartyRequest counterpartyRequest, boolean doNotNotifyConfirmed) {
        if (cases.request(counterpartyRequest.freezeRequestId()).doNotNotify() && !doNotNotifyConfirmed) {
            throw new IllegalArgumentException("Counterparty request " + counterpartyRequest.id()
                    + " forbids telling the customer: an answer must confirm that it complied");
        }
    }

    private static String confirmation(boolean doNotNotifyConfirmed) {
        return doNotNotifyConfirmed ? "; confirmed the customer was not notified" : "";
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
