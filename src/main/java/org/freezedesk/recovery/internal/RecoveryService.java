package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.input.NotOpenException;
import org.freezedesk.recovery.RecoveryConfirmed;
import org.freezedesk.review.FourEyesViolationException;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.security.StaffUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Filing, reviewing and answering recovery instructions; every change with its audit event in one transaction. */
@Service
public class RecoveryService {

    private final RecoveryRepository recoveries;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final TaskService taskService;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final CasePermissions permissions;
    private final ApplicationEventPublisher events;

    RecoveryService(RecoveryRepository recoveries, RuntimeService runtimeService, HistoryService historyService, TaskService taskService,
            AuditLog audit, TransactionTemplate transaction, CasePermissions permissions, ApplicationEventPublisher events) {
        this.historyService = historyService;
        this.permissions = permissions;
        this.events = events;
        this.recoveries = recoveries;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Transactional
    public long file(FreezeCase freezeCase, NewInstruction instruction, StaffUser filer) {
        FrozenHolding h = instruction.holding();
        long id = recoveries.insert(h.counterpartyRequestId(), h.targetId(), instruction.instrument(),
                instruction.instrumentReference(), instruction.instrumentDate(), instruction.method(), instruction.destinationAddress(),
                instruction.amount(), filer.getUsername());
        audit.record("RECOVERY_FILED", "recovery_instruction", id, freezeCase.reference(), null,
                instruction.amount().stripTrailingZeros().toPlainString() + " " + h.asset() + " from " + h.counterpartyName() + " by "
                        + instruction.method() + (instruction.destinationAddress() == null ? "" : " to " + instruction.destinationAddress())
                        + " under " + instruction.instrument() + " " + instruction.instrumentReference());
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(RecoveryProcess.KEY, freezeCase.reference(),
                Map.of(RecoveryProcess.RECOVERY_INSTRUCTION_ID, id, RecoveryProcess.FILER, filer.getUsername(),
                        RecoveryProcess.URGENCY, recoveries.sla(h.counterpartyRequestId()).urgency()));
        recoveries.setProcessInstanceId(id, instance.getId());
        return id;
    }

    /** Instructions and withdrawals of the agencies the reviewer's legal unit serves, oldest first, so nothing waits longer than it must. */
    public List<ReviewTask> queue(StaffUser reviewer) {
        return taskService.createTaskQuery().taskDefinitionKeyIn(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION, RecoveryProcess.REVIEW_WITHDRAWAL)
                .taskCandidateGroup(RecoveryProcess.LEGAL_GROUP).orderByTaskCreateTime().asc().list().stream()
                .map(this::reviewTask).filter(t -> permissions.mayReviewCase(t.instruction().caseReference(), reviewer)).toList();
    }

    /** A review the reviewer may see; one of an agency its unit does not serve is answered as if it did not exist. */
    public ReviewTask reviewTask(String taskId, StaffUser reviewer) {
        ReviewTask reviewTask;
        try {
            reviewTask = reviewTask(taskId);
        } catch (RecoveryNotFoundException e) {
            refuseIfDecided(taskId, reviewer);
            throw e;
        }
        if (!permissions.mayReviewCase(reviewTask.instruction().caseReference(), reviewer)) {
            throw new RecoveryNotFoundException(taskId);
        }
        return reviewTask;
    }

    /**
     * A review that was decided already is a conflict (409) for a reviewer who may review the case, so a second
     * officer learns it was decided rather than that it never existed; everyone else still learns nothing.
     */
    private void refuseIfDecided(String taskId, StaffUser reviewer) {
        HistoricTaskInstance decided = historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .taskDefinitionKeyIn(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION, RecoveryProcess.REVIEW_WITHDRAWAL).singleResult();
        if (decided == null) {
            return;
        }
        HistoricVariableInstance instructionId = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(decided.getProcessInstanceId()).variableName(RecoveryProcess.RECOVERY_INSTRUCTION_ID).singleResult();
        if (instructionId != null && instructionId.getValue() instanceof Long id
                && permissions.mayReviewCase(recoveries.find(id).caseReference(), reviewer)) {
            throw new NotOpenException("This recovery instruction has been decided already; its case shows the decision");
        }
    }

    private ReviewTask reviewTask(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId)
                .taskDefinitionKeyIn(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION, RecoveryProcess.REVIEW_WITHDRAWAL)
                .taskCandidateGroup(RecoveryProcess.LEGAL_GROUP).singleResult();
        if (task == null) {
            throw new RecoveryNotFoundException(taskId);
        }
        return reviewTask(task);
    }

    private ReviewTask reviewTask(Task task) {
        long id;
        try {
            id = (Long) runtimeService.getVariable(task.getExecutionId(), RecoveryProcess.RECOVERY_INSTRUCTION_ID);
        } catch (NullValueException | OptimisticLockingException decidedMeanwhile) {
            // Another reviewer's decision ended the task between the query and reading its variables, or moved its
            // execution on while the engine read it (the read then fails on the execution's changed revision).
            throw new RecoveryNotFoundException(task.getId());
        }
        return new ReviewTask(task.getId(), task.getCreateTime(), recoveries.find(id),
                RecoveryProcess.REVIEW_WITHDRAWAL.equals(task.getTaskDefinitionKey()));
    }

    /**
     * The filer (or whoever asked to withdraw) can never decide, whatever the page showed them. An instruction is
     * approved, rejected or returned for amendment; a withdrawal is approved or rejected (the filer follows up again).
     */
    @Transactional
    public void decide(String taskId, ReviewDecision decision, String comment, StaffUser reviewer) {
        // Four eyes first: the filer, or whoever asked to withdraw, knows the instruction and learns only that it is not theirs to decide.
        ReviewTask task = reviewTask(taskId);
        RecoveryInstruction instruction = task.instruction();
        if (instruction.filedBy().equals(reviewer.getUsername())
                || (task.withdrawal() && reviewer.getUsername().equals(instruction.withdrawalRequestedBy()))) {
            throw new FourEyesViolationException();
        }
        if (!permissions.mayReviewCase(instruction.caseReference(), reviewer)) {
            throw new RecoveryNotFoundException(taskId);
        }
        if (task.withdrawal()) {
            if (decision == ReviewDecision.RETURN) {
                throw new IllegalArgumentException("A withdrawal is approved or rejected");
            }
            if (decision == ReviewDecision.REJECT) {
                recoveries.setState(instruction.id(), RecoveryState.OVERDUE);
            }
            audit.record("RECOVERY_WITHDRAWAL_" + (decision == ReviewDecision.APPROVE ? "APPROVED" : "REJECTED"), "recovery_instruction",
                    instruction.id(), instruction.caseReference(), instruction.state().name(), comment);
        } else {
            RecoveryState state = switch (decision) {
                case APPROVE -> RecoveryState.APPROVED;
                case REJECT -> RecoveryState.REJECTED;
                case RETURN -> RecoveryState.RETURNED;
            };
            recoveries.review(instruction.id(), state, reviewer.getUsername(), comment);
            audit.record("RECOVERY_" + state.name(), "recovery_instruction", instruction.id(), instruction.caseReference(),
                    instruction.state().name(), state.name() + (comment == null ? "" : ": " + comment));
        }
        try {
            taskService.complete(taskId, Map.of(RecoveryProcess.REVIEW_DECISION, decision.name()));
        } catch (NullValueException | OptimisticLockingException decidedMeanwhile) {
            throw new NotOpenException("Another legal officer decided this a moment ago; the case page shows the decision");
        }
    }

    /** The filer's task after legal returned the instruction, if it is theirs and open. */
    public Optional<Task> amendmentTask(RecoveryInstruction instruction, StaffUser user) {
        return openTask(instruction, RecoveryProcess.AMEND_RECOVERY_INSTRUCTION, user);
    }

    /** The filer's task once the transfer is overdue, if it is theirs and open. */
    public Optional<Task> followUpTask(RecoveryInstruction instruction, StaffUser user) {
        return openTask(instruction, RecoveryProcess.FOLLOW_UP_TRANSFER, user);
    }

    /** Stores the amended terms and sends the instruction back to legal review. */
    @Transactional
    public void amend(RecoveryInstruction instruction, NewInstruction amended, StaffUser filer) {
        Task task = amendmentTask(instruction, filer).orElseThrow(() -> new RecoveryNotFoundException("amendment " + instruction.id()));
        recoveries.amend(instruction.id(), amended);
        audit.record("RECOVERY_AMENDED", "recovery_instruction", instruction.id(), instruction.caseReference(), instruction.state().name(),
                RecoveryState.IN_REVIEW.name() + ": " + amended.amount().stripTrailingZeros().toPlainString() + " "
                        + amended.holding().asset() + " under " + amended.instrument() + " " + amended.instrumentReference());
        taskService.complete(task.getId());
    }

    /** Gives the counterparty until {@code deadline}; the process waits for the transfer again. */
    @Transactional
    public void extendDeadline(RecoveryInstruction instruction, OffsetDateTime deadline, StaffUser filer) {
        Task task = followUpTask(instruction, filer).orElseThrow(() -> new RecoveryNotFoundException("follow-up " + instruction.id()));
        recoveries.setDue(instruction.id(), deadline);
        recoveries.setState(instruction.id(), RecoveryState.NOTIFIED);
        audit.record("RECOVERY_DEADLINE_EXTENDED", "recovery_instruction", instruction.id(), instruction.caseReference(),
                "deadline " + instruction.dueAt(), "deadline " + deadline);
        taskService.complete(task.getId(), Map.of(RecoveryProcess.FOLLOW_UP_DECISION, RecoveryFollowUpDecision.EXTEND_DEADLINE.name(),
                RecoveryProcess.DEADLINE, Date.from(deadline.toInstant())));
    }

    /** Asks legal to withdraw the instruction; until legal decides, the counterparty can still answer. */
    @Transactional
    public void requestWithdrawal(RecoveryInstruction instruction, String reason, StaffUser filer) {
        Task task = followUpTask(instruction, filer).orElseThrow(() -> new RecoveryNotFoundException("follow-up " + instruction.id()));
        recoveries.requestWithdrawal(instruction.id(), filer.getUsername(), reason);
        audit.record("RECOVERY_WITHDRAWAL_REQUESTED", "recovery_instruction", instruction.id(), instruction.caseReference(),
                instruction.state().name(), RecoveryState.WITHDRAWAL_IN_REVIEW.name() + ": " + reason);
        taskService.complete(task.getId(), Map.of(RecoveryProcess.FOLLOW_UP_DECISION, RecoveryFollowUpDecision.WITHDRAW.name()));
    }

    private Optional<Task> openTask(RecoveryInstruction instruction, String taskKey, StaffUser user) {
        return Optional.ofNullable(taskService.createTaskQuery()
                .processVariableValueEquals(RecoveryProcess.RECOVERY_INSTRUCTION_ID, instruction.id())
                .taskDefinitionKey(taskKey).taskAssignee(user.getUsername()).singleResult());
    }

    /** Stores the answer first, then tells the process, which reads it from the table. */
    public void confirmTransfer(RecoveryInstruction instruction, String name, String txHash, BigDecimal amount, LocalDate transferredOn,
            Actor actor) {
        answer(instruction, actor, "RECOVERY_CONFIRMED", () -> {
                    boolean stored = recoveries.confirm(instruction.id(), name, txHash, amount, transferredOn);
                    if (stored) {
                        events.publishEvent(new RecoveryConfirmed(instruction.id(), instruction.counterpartyRequestId(),
                                instruction.targetId(), instruction.caseReference(), instruction.asset(), amount, txHash, transferredOn));
                    }
                    return stored;
                },
                amount.stripTrailingZeros().toPlainString() + " " + instruction.asset() + " in " + txHash + " on " + transferredOn
                        + ", confirmed by " + name);
    }

    public void decline(RecoveryInstruction instruction, String name, String reason, Actor actor) {
        answer(instruction, actor, "RECOVERY_DECLINED", () -> recoveries.decline(instruction.id(), name, reason),
                "declined by " + name + ": " + reason);
    }

    private void answer(RecoveryInstruction instruction, Actor actor, String action, BooleanSupplier store,
            String after) {
        boolean stored = Boolean.TRUE.equals(transaction.execute(status -> {
            if (!store.getAsBoolean()) {
                return false;
            }
            audit.record(actor, action, "recovery_instruction", instruction.id(), instruction.caseReference(),
                    instruction.state().name(), after);
            return true;
        }));
        if (!stored) {
            throw new AlreadyAnsweredException(instruction.id());
        }
        runtimeService.createMessageCorrelation(RecoveryProcess.RECOVERY_ANSWERED)
                .processInstanceVariableEquals(RecoveryProcess.RECOVERY_INSTRUCTION_ID, instruction.id())
                .correlateWithResult();
    }

    /** A legal review waiting in the queue: of the instruction, or of its withdrawal. */
    public record ReviewTask(String taskId, Date createdAt, RecoveryInstruction instruction, boolean withdrawal) {
    }
}
