package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.event.ExecutionEvent;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.security.StaffUser;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one freeze-hold process per frozen target with a held-until date, and moves its timers whenever
 * the date changes: from a counterparty's response, or from an extension it confirms.
 */
@Service
public class FreezeHoldService {

    private final FreezeHoldRepository holds;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final CaseRepository cases;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuditLog audit;

    FreezeHoldService(FreezeHoldRepository holds, CounterpartyRequestRepository counterpartyRequests, CaseRepository cases,
            RuntimeService runtimeService, TaskService taskService, AuditLog audit) {
        this.holds = holds;
        this.counterpartyRequests = counterpartyRequests;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.audit = audit;
    }

    /** Runs inside the engine's transaction that took the response in, so holds exist exactly when the response does. */
    @EventListener(condition = "#event.currentActivityId == '" + CounterpartyRequestProcess.ALL_TARGETS_ANSWERED + "' and #event.eventName == 'start'")
    public void responseTakenIn(ExecutionEvent event) {
        Object id = runtimeService.getVariable(event.getProcessInstanceId(), CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID);
        if (id instanceof Long counterpartyRequestId) {
            sync(counterpartyRequests.find(counterpartyRequestId), event.getProcessBusinessKey());
        }
    }

    private void sync(CounterpartyRequest counterpartyRequest, String caseReference) {
        for (FreezeHoldRepository.ReportedHold reported : holds.reported(counterpartyRequest.id())) {
            Optional<FreezeHold> existing = holds.find(counterpartyRequest.id(), reported.targetId());
            if (existing.isEmpty()) {
                long holdId = holds.insert(counterpartyRequest.id(), reported.targetId(), reported.heldUntil());
                audit.record(Actor.ENGINE, "HOLD_REPORTED", "freeze_hold", holdId, caseReference, null,
                        "held until " + reported.heldUntil());
                ProcessInstance instance = runtimeService.startProcessInstanceByKey(FreezeHoldProcess.KEY, caseReference,
                        Map.of(FreezeHoldProcess.FREEZE_HOLD_ID, holdId,
                                FreezeHoldProcess.FILER, cases.request(counterpartyRequest.freezeRequestId()).filedBy()));
                holds.setProcessInstanceId(holdId, instance.getId());
            } else if (!existing.get().heldUntil().equals(reported.heldUntil()) && existing.get().state() != FreezeHoldState.LAPSED) {
                moveDate(existing.get(), reported.heldUntil(), Actor.ENGINE);
            }
        }
    }

    /** The agency's task after the warning: ask the counterparty to extend; the mail goes out in its own job. */
    @Transactional
    public void requestExtension(FreezeHold hold, StaffUser user) {
        Task task = openTask(hold, user).orElseThrow(() -> new NoExtensionToRequestException(hold.id()));
        holds.markExtensionRequested(hold.id(), user.getUsername());
        audit.record("HOLD_EXTENSION_REQUESTED", "freeze_hold", hold.id(), hold.caseReference(), hold.state().name(),
                FreezeHoldState.EXTENSION_REQUESTED.name());
        taskService.complete(task.getId());
    }

    public Optional<Task> openTask(FreezeHold hold, StaffUser user) {
        return Optional.ofNullable(taskService.createTaskQuery().processVariableValueEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id())
                .taskDefinitionKey(FreezeHoldProcess.ASK_FOR_EXTENSION).taskAssignee(user.getUsername()).singleResult());
    }

    /** The counterparty confirms it holds the funds until a later date. */
    @Transactional
    public void extend(FreezeHold hold, LocalDate heldUntil, Actor actor) {
        moveDate(hold, heldUntil, actor);
    }

    private void moveDate(FreezeHold hold, LocalDate heldUntil, Actor actor) {
        holds.extend(hold.id(), heldUntil);
        audit.record(actor, "HOLD_EXTENDED", "freeze_hold", hold.id(), hold.caseReference(), "held until " + hold.heldUntil(),
                "held until " + heldUntil);
        runtimeService.createMessageCorrelation(FreezeHoldProcess.HOLD_EXTENDED)
                .processInstanceVariableEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id())
                .correlateAllWithResult();
    }
}
