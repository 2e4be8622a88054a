package org.freezedesk.counterpartyrequest;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.CounterpartyRequestState;
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

    CounterpartyRequestService(CounterpartyRequestRepository counterpartyRequests, CaseRepository cases, AuditLog audit,
            RuntimeService runtimeService, TransactionTemplate transaction) {
        this.counterpartyRequests = counterpartyRequests;
        this.cases = cases;
        this.audit = audit;
        this.runtimeService = runtimeService;
        this.transaction = transaction;
    }

    /** Only the first acknowledgement is kept; a second one changes nothing. */
    public void acknowledge(CounterpartyRequest counterpartyRequest, String name, String title, Actor actor) {
        transaction.executeWithoutResult(status -> {
            CounterpartyRequestState before = counterpartyRequests.find(counterpartyRequest.id()).state();
            if (counterpartyRequests.acknowledge(counterpartyRequest.id(), name, title)) {
                audit.record(actor, "ACKNOWLEDGED", "counterparty_request", counterpartyRequest.id(), caseReference(counterpartyRequest),
                        before.name(), counterpartyRequests.find(counterpartyRequest.id()).state() + " by " + name + ", " + title);
            }
        });
    }

    /** Keeps the form as typed, without submitting anything: the process is not told. */
    public void saveDraft(CounterpartyRequest counterpartyRequest, String content, int answeredRows, Actor actor) {
        transaction.executeWithoutResult(status -> {
            counterpartyRequests.saveDraft(counterpartyRequest.id(), content);
            audit.record(actor, "DRAFT_SAVED", "counterparty_request", counterpartyRequest.id(), caseReference(counterpartyRequest),
                    null, "draft with an outcome for " + answeredRows + " target(s)");
        });
    }

    /**
     * Stores the response first and only then tells the process, which reads the outcomes from the table:
     * a response is never lost, even when the process is busy with an earlier one.
     */
    public void respond(CounterpartyRequest counterpartyRequest, String submittedByName, String clientAddress,
            List<NewOutcome> outcomes, Actor actor) {
        transaction.executeWithoutResult(status -> {
            CounterpartyRequestState before = counterpartyRequests.find(counterpartyRequest.id()).state();
            long responseId = counterpartyRequests.insertResponse(counterpartyRequest.id(), submittedByName, clientAddress, outcomes);
            audit.record(actor, "RESPONDED", "counterparty_response", responseId, caseReference(counterpartyRequest), before.name(),
                    counterpartyRequests.find(counterpartyRequest.id()).state() + ": " + describe(outcomes));
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
