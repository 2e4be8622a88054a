package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.review.FourEyesViolationException;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Filing, reviewing and answering recovery instructions; every change with its audit event in one transaction. */
@Service
public class RecoveryService {

    private final RecoveryRepository recoveries;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final CasePermissions permissions;

    RecoveryService(RecoveryRepository recoveries, RuntimeService runtimeService, TaskService taskService, AuditLog audit,
            TransactionTemplate transaction, CasePermissions permissions) {
        this.permissions = permissions;
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
                Map.of(RecoveryProcess.RECOVERY_INSTRUCTION_ID, id, RecoveryProcess.FILER, filer.getUsername()));
        recoveries.setProcessInstanceId(id, instance.getId());
        return id;
    }

    /** The instructions of the agencies the reviewer's legal unit serves, oldest first, so nothing waits longer than it must. */
    public List<ReviewTask> queue(StaffUser reviewer) {
        return taskService.createTaskQuery().taskDefinitionKey(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION)
                .taskCandidateGroup(RecoveryProcess.LEGAL_GROUP).orderByTaskCreateTime().asc().list().stream()
                .map(this::reviewTask).filter(t -> permissions.mayReviewCase(t.instruction().caseReference(), reviewer)).toList();
    }

    /** A review the reviewer may see; one of an agency its unit does not serve is answered as if it did not exist. */
    public ReviewTask reviewTask(String taskId, StaffUser reviewer) {
        Task task = taskService.createTaskQuery().taskId(taskId).taskDefinitionKey(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION)
                .taskCandidateGroup(RecoveryProcess.LEGAL_GROUP).singleResult();
        if (task == null) {
            throw new RecoveryNotFoundException(taskId);
        }
        ReviewTask reviewTask = reviewTask(task);
        if (!permissions.mayReviewCase(reviewTask.instruction().caseReference(), reviewer)) {
            throw new RecoveryNotFoundException(taskId);
        }
        return reviewTask;
    }

    private ReviewTask reviewTask(Task task) {
        long id = (Long) runtimeService.getVariable(task.getExecutionId(), RecoveryProcess.RECOVERY_INSTRUCTION_ID);
        return new ReviewTask(task.getId(), task.getCreateTime(), recoveries.find(id));
    }

    /** The filer can never decide on their own instruction, whatever the page showed them. */
    @Transactional
    public void decide(String taskId, ReviewDecision decision, String comment, StaffUser reviewer) {
        RecoveryInstruction instruction = reviewTask(taskId, reviewer).instruction();
        if (instruction.filedBy().equals(reviewer.getUsername())) {
            throw new FourEyesViolationException();
        }
        RecoveryState state = decision == ReviewDecision.APPROVE ? RecoveryState.APPROVED : RecoveryState.REJECTED;
        recoveries.review(instruction.id(), state, reviewer.getUsername(), comment);
        audit.record("RECOVERY_" + state.name(), "recovery_instruction", instruction.id(), instruction.caseReference(),
                instruction.state().name(), state.name() + (comment == null ? "" : ": " + comment));
        taskService.complete(taskId, Map.of(RecoveryProcess.REVIEW_DECISION, decision.name()));
    }

    /** Stores the answer first, then tells the process, which reads it from the table. */
    public void confirmTransfer(RecoveryInstruction instruction, String name, String txHash, BigDecimal amount, LocalDate transferredOn,
            Actor actor) {
        answer(instruction, actor, "RECOVERY_CONFIRMED",
                () -> recoveries.confirm(instruction.id(), name, txHash, amount, transferredOn),
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

    /** A legal review waiting in the queue. */
    public record ReviewTask(String taskId, Date createdAt, RecoveryInstruction instruction) {
    }
}
