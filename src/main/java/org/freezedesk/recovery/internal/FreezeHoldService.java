package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.cases.FreezeRequestWithdrawn;
import org.freezedesk.counterpartyrequest.CounterpartyResponded;
import org.freezedesk.input.NotOpenException;
import org.freezedesk.security.StaffUser;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps one freeze-hold process per frozen target with a held-until date, and moves its timers whenever
 * the date changes: from a counterparty's response, or from an extension it confirms.
 */
@Service
public class FreezeHoldService {

    private final FreezeHoldRepository holds;
    private final CaseRepository cases;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuditLog audit;

    FreezeHoldService(FreezeHoldRepository holds, CaseRepository cases,
            RuntimeService runtimeService, TaskService taskService, AuditLog audit) {
        this.holds = holds;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.audit = audit;
    }

    /**
     * Opens a hold (and its freeze-hold process) for every frozen target with a held-until date, or moves the date
     * of the hold already open. Runs after the answer has committed, in a transaction of its own; a replayed event
     * finds the hold already open and opens no second one. Most answers give no held-until date: the condition keeps
     * the event publication registry from storing (and later deleting) a publication for them, a write per answer.
     */
    @ApplicationModuleListener(condition = "#event.targets().?[outcome().freezesFunds() and heldUntil() != null].size() > 0")
    public void counterpartyResponded(CounterpartyResponded event) {
        for (CounterpartyResponded.TargetAnswer answer : event.targets()) {
            if (answer.outcome().freezesFunds() && answer.heldUntil() != null) {
                hold(event, answer.targetId(), answer.heldUntil());
            }
        }
    }

    private void hold(CounterpartyResponded event, long targetId, LocalDate heldUntil) {
        if (cases.request(event.freezeRequestId()).state() == FreezeRequestState.WITHDRAWN) {
            return;
        }
        Optional<Long> opened = holds.open(event.counterpartyRequestId(), targetId, heldUntil, event.responseId());
        if (opened.isPresent()) {
            long holdId = opened.get();
            audit.record(Actor.ENGINE, "HOLD_REPORTED", "freeze_hold", holdId, event.caseReference(), null, "held until " + heldUntil);
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(FreezeHoldProcess.KEY, event.caseReference(),
                    Map.of(FreezeHoldProcess.FREEZE_HOLD_ID, holdId,
                            FreezeHoldProcess.FILER, cases.request(event.freezeRequestId()).filedBy()));
            holds.setProcessInstanceId(holdId, instance.getId());
            return;
        }
        FreezeHold existing = holds.find(event.counterpartyRequestId(), targetId).orElseThrow();
        if (!existing.heldUntil().equals(heldUntil) && holds.moveByAnswer(existing.id(), heldUntil, event.responseId())) {
            dateMoved(existing, heldUntil, Actor.ENGINE);
        }
    }

    /**
     * A withdrawn request's counterparties are told to lift the freeze, so its holds watch no lapse any more: each
     * open one is released and its process ended (the filer's warning task with it). Answers that arrive after the
     * withdrawal open no hold.
     */
    @ApplicationModuleListener
    public void freezeRequestWithdrawn(FreezeRequestWithdrawn event) {
        for (FreezeHold hold : holds.openForFreezeRequest(event.freezeRequestId())) {
            if (holds.markReleased(hold.id())) {
                audit.record(Actor.ENGINE, "HOLD_RELEASED", "freeze_hold", hold.id(), hold.caseReference(), hold.state().name(),
                        FreezeHoldState.RELEASED.name() + ": request withdrawn");
                runtimeService.createMessageCorrelation(FreezeHoldProcess.HOLD_RELEASED)
                        .processInstanceVariableEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id())
                        .correlateAllWithResult();
            }
        }
    }

    /** The agency's task after the warning: ask the counterparty to extend; the mail goes out in its own job. */
    @Transactional
    public void requestExtension(FreezeHold hold, StaffUser user) {
        Task task = openTask(hold, user).orElseThrow(() -> new NotOpenException("No extension to ask for on this hold: it was asked for already, or the hold ended"));
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
        holds.extend(hold.id(), heldUntil);
        dateMoved(hold, heldUntil, actor);
    }

    private void dateMoved(FreezeHold hold, LocalDate heldUntil, Actor actor) {
        audit.record(actor, "HOLD_EXTENDED", "freeze_hold", hold.id(), hold.caseReference(), "held until " + hold.heldUntil(),
                "held until " + heldUntil);
        runtimeService.createMessageCorrelation(FreezeHoldProcess.HOLD_EXTENDED)
                .processInstanceVariableEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id())
                .correlateAllWithResult();
    }
}
