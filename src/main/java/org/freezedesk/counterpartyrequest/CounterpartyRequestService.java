package org.freezedesk.counterpartyrequest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
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

    private static final int TOGETHER_ATTEMPTS = 3;
    private static final int CORRELATION_ATTEMPTS = 8;
    private static final long CORRELATION_PAUSE_MILLIS = 20;

    private final CounterpartyRequestRepository counterpartyRequests;
    private final CaseRepository cases;
    private final AuditLog audit;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final ClosedCases closedCases;
    private final OtherRequests otherRequests;

    CounterpartyRequestService(CounterpartyRequestRepository counterpartyRequests, CaseRepository cases, AuditLog audit,
            RuntimeService runtimeService, TransactionTemplate transaction, ApplicationEventPublisher events, ClosedCases closedCases,
            OtherRequests otherRequests) {
        this.closedCases = closedCases;
        this.otherRequests = otherRequests;
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
            acknowledgeInTransaction(counterpartyRequest, counterpartyRequests.find(counterpartyRequest.id()).state(), name, title, actor);
        });
    }

    /** Returns the request's state after it, which is {@code before} when it had been acknowledged already. */
    private CounterpartyRequestState acknowledgeInTransaction(CounterpartyRequest counterpartyRequest, CounterpartyRequestState before,
            String name, String title, Actor actor) {
        if (!counterpartyRequests.acknowledge(counterpartyRequest.id(), name, title)) {
            return before;
        }
        CounterpartyRequestState after = counterpartyRequests.find(counterpartyRequest.id()).state();
        String caseReference = caseReference(counterpartyRequest);
        audit.record(actor, "ACKNOWLEDGED", "counterparty_request", counterpartyRequest.id(), caseReference,
                before.name(), after + " by " + name + ", " + title);
        events.publishEvent(new CounterpartyAcknowledged(counterpartyRequest.id(), counterpartyRequest.freezeRequestId(),
                counterpartyRequest.counterpartyId(), caseReference));
        return after;
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

    /** As {@link #respond(CounterpartyRequest, String, String, String, List, boolean, Actor)}, by someone who does not acknowledge. */
    public void respond(CounterpartyRequest counterpartyRequest, String submittedByName, String clientAddress,
            List<NewOutcome> outcomes, boolean doNotNotifyConfirmed, Actor actor) {
        respond(counterpartyRequest, submittedByName, null, clientAddress, outcomes, doNotNotifyConfirmed, actor);
    }

    /**
     * Stores the response and tells the process, which reads the outcomes from the table, in one transaction that
     * holds the requests' rows: one commit instead of two, and nobody sees an answer its process has not yet taken.
     * When the engine's own work on the process (a timer, the notification job) collides with it, the whole
     * transaction is tried again; after {@link #TOGETHER_ATTEMPTS} collisions the response is stored on its own and
     * the process told afterwards, as a response is never lost. {@link CounterpartyResponded}
     * is published in the same transaction, so other features hear of every stored answer, late or not. A request
     * that forbids telling the customer takes an answer only with {@code doNotNotifyConfirmed}; a withdrawn request
     * takes none but the confirmation of its release.
     *
     * <p>The answer for a target counts for each other open request of the case to the same counterparty that asks for
     * the same target ({@link OtherRequests}): it is recorded there too, as answered through this request, unless that
     * request forbids telling the customer, or already holds the same answer, or holds a newer one the counterparty gave
     * there itself. The requests' rows are locked lowest id first, so answers sent at once through several of them
     * neither deadlock nor interleave.
     *
     * <p>With a {@code submitterTitle}, the answer also acknowledges receipt, by the submitter and that title, in the same
     * transaction, unless the request is acknowledged already: an answer that fails leaves no acknowledgement behind.
     */
    public void respond(CounterpartyRequest counterpartyRequest, String submittedByName, String submitterTitle, String clientAddress,
            List<NewOutcome> outcomes, boolean doNotNotifyConfirmed, Actor actor) {
        for (int attempt = 1; attempt <= TOGETHER_ATTEMPTS; attempt++) {
            try {
                transaction.executeWithoutResult(status -> store(counterpartyRequest, submittedByName, submitterTitle, clientAddress,
                        outcomes, doNotNotifyConfirmed, actor).forEach(this::tellProcess));
                return;
            } catch (OptimisticLockingException collided) {
                pause(ThreadLocalRandom.current().nextLong(CORRELATION_PAUSE_MILLIS * attempt));
            }
        }
        transaction.execute(status -> store(counterpartyRequest, submittedByName, submitterTitle, clientAddress, outcomes,
                doNotNotifyConfirmed, actor)).forEach(this::correlate);
    }

    /** Stores the response, and its copies on the other requests it counts for; returns the requests that took some. */
    private List<Long> store(CounterpartyRequest counterpartyRequest, String submittedByName, String submitterTitle, String clientAddress,
            List<NewOutcome> outcomes, boolean doNotNotifyConfirmed, Actor actor) {
        refuseIfCaseClosed(counterpartyRequest);
        List<Long> lock = new ArrayList<>(List.of(counterpartyRequest.id()));
        counterpartyRequests.othersOfCaseToSameCounterparty(counterpartyRequest.id()).forEach(other -> lock.add(other.id()));
        counterpartyRequests.lockInOrder(lock);
        CounterpartyRequestState before = counterpartyRequests.find(counterpartyRequest.id()).state();
        refuseIfWithdrawn(before);
        requireConfirmation(counterpartyRequest, doNotNotifyConfirmed);
        if (submitterTitle != null) {
            before = acknowledgeInTransaction(counterpartyRequest, before, submittedByName, submitterTitle, actor);
        }
        long responseId = counterpartyRequests.insertResponse(counterpartyRequest.id(), submittedByName, clientAddress, outcomes,
                doNotNotifyConfirmed);
        String caseReference = caseReference(counterpartyRequest);
        audit.record(actor, "RESPONDED", "counterparty_response", responseId, caseReference, before.name(),
                counterpartyRequests.find(counterpartyRequest.id()).state() + ": " + describe(outcomes) + confirmation(doNotNotifyConfirmed));
        publishResponded(counterpartyRequest.id(), responseId, counterpartyRequest.freezeRequestId(), caseReference, outcomes);
        List<Long> requests = new ArrayList<>(List.of(counterpartyRequest.id()));
        requests.addAll(share(counterpartyRequest, responseId, submittedByName, clientAddress, outcomes, caseReference, actor));
        return requests;
    }

    /** Records the answers on the other requests they count for; returns the requests that took some. */
    private List<Long> share(CounterpartyRequest counterpartyRequest, long responseId, String submittedByName, String clientAddress,
            List<NewOutcome> outcomes, String caseReference, Actor actor) {
        Map<Long, NewOutcome> byTarget = outcomes.stream().collect(Collectors.toMap(NewOutcome::targetId, Function.identity()));
        OffsetDateTime submittedAt = counterpartyRequests.submittedAt(responseId);
        String through = RequestLabel.of(caseReference, cases.request(counterpartyRequest.freezeRequestId()).sequenceNumber());
        List<Long> shared = new ArrayList<>();
        for (OtherRequests.OtherRequest other : otherRequests.of(counterpartyRequest)) {
            if (!other.takesSharedAnswers()) {
                continue;
            }
            Map<Long, TargetOutcome> inForce = counterpartyRequests.latestOutcomes(other.counterpartyRequestId());
            List<NewOutcome> copies = new ArrayList<>();
            for (OtherRequests.SharedTarget target : other.sharedTargets()) {
                NewOutcome answer = byTarget.get(target.targetId());
                NewOutcome copy = answer == null ? null : copyFor(target, answer);
                if (copy != null && takes(inForce.get(target.otherTargetId()), copy, submittedAt)) {
                    copies.add(copy);
                }
            }
            if (copies.isEmpty()) {
                continue;
            }
            long otherId = other.counterpartyRequestId();
            CounterpartyRequestState before = other.state();
            long copyId = counterpartyRequests.insertSharedResponse(otherId, submittedByName, clientAddress, copies, responseId);
            audit.record(actor, "RESPONDED", "counterparty_response", copyId, caseReference, before.name(),
                    counterpartyRequests.find(otherId).state() + ": " + describe(copies) + "; answered through request " + through);
            publishResponded(otherId, copyId, counterpartyRequests.find(otherId).freezeRequestId(), caseReference, copies);
            shared.add(otherId);
        }
        return shared;
    }

    /**
     * The answer as the other request's target takes it: a request that asked for less than was frozen at the address
     * has all it asked for frozen, and no more, as a counterparty answering it directly would have said.
     */
    static NewOutcome copyFor(OtherRequests.SharedTarget target, NewOutcome answer) {
        Outcome outcome = answer.outcome();
        BigDecimal frozen = answer.frozenAmount();
        if (frozen != null && target.otherAmount() != null && frozen.compareTo(target.otherAmount()) >= 0) {
            outcome = Outcome.FROZEN;
            frozen = target.otherAmount();
        }
        return new NewOutcome(target.otherTargetId(), outcome, frozen, answer.internalReference(), answer.heldUntil(),
                answer.onwardTxHash(), answer.onwardAddress(), answer.reason());
    }

    /** Whether a request whose answer in force for the target is {@code current} takes {@code answer}, given at {@code submittedAt}. */
    static boolean takes(TargetOutcome current, NewOutcome answer, OffsetDateTime submittedAt) {
        if (current == null) {
            return true;
        }
        boolean newerOwnAnswer = current.answeredThrough() == null && current.submittedAt().isAfter(submittedAt);
        return !newerOwnAnswer && !sameAnswer(current, answer);
    }

    /** A replayed answer changes nothing, so it is not recorded again. */
    private static boolean sameAnswer(TargetOutcome current, NewOutcome answer) {
        return current.outcome() == answer.outcome()
                && (current.frozenAmount() == null ? answer.frozenAmount() == null
                        : answer.frozenAmount() != null && current.frozenAmount().compareTo(answer.frozenAmount()) == 0)
                && Objects.equals(current.internalReference(), answer.internalReference())
                && Objects.equals(current.heldUntil(), answer.heldUntil())
                && Objects.equals(current.onwardTxHash(), answer.onwardTxHash())
                && Objects.equals(current.onwardAddress(), answer.onwardAddress())
                && Objects.equals(current.reason(), answer.reason());
    }

    private void publishResponded(long counterpartyRequestId, long responseId, long freezeRequestId, String caseReference,
            List<NewOutcome> outcomes) {
        events.publishEvent(new CounterpartyResponded(counterpartyRequestId, responseId, freezeRequestId, caseReference, outcomes.stream()
                .map(o -> new CounterpartyResponded.TargetAnswer(o.targetId(), o.outcome(), o.heldUntil())).toList()));
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

    /**
     * Tells the request's process of an answer stored on its own, after repeated collisions, holding the request's row:
     * answers sent at once through several requests (one shared with the others) meet on each process, and two
     * correlations running at once on one process would each find it waiting and then trip over each other. The answer
     * is already stored, so a failed attempt loses nothing; the retries wait a little, at random, so as not to collide
     * again in step.
     */
    private void correlate(long counterpartyRequestId) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> {
                    counterpartyRequests.lockInOrder(List.of(counterpartyRequestId));
                    tellProcess(counterpartyRequestId);
                });
                return;
            } catch (OptimisticLockingException concurrentResponse) {
                if (attempt == CORRELATION_ATTEMPTS) {
                    throw concurrentResponse;
                }
                pause(ThreadLocalRandom.current().nextLong(CORRELATION_PAUSE_MILLIS * attempt));
            }
        }
    }

    /**
     * In the caller's transaction, which holds the request's row. The process is named by its id, a look-up by key;
     * by its variable, the engine would search the variables of every waiting request.
     */
    private void tellProcess(long counterpartyRequestId) {
        MessageCorrelationBuilder correlation = runtimeService.createMessageCorrelation(CounterpartyRequestProcess.RESPONSE_MESSAGE);
        counterpartyRequests.processInstanceId(counterpartyRequestId).ifPresentOrElse(correlation::processInstanceId,
                () -> correlation.processInstanceVariableEquals(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, counterpartyRequestId));
        correlation.correlateAllWithResult();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while telling the process of an answer already stored", interrupted);
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
