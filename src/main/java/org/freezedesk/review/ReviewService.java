package org.freezedesk.review;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.input.NotOpenException;
import org.freezedesk.review.internal.ReviewItem;
import org.freezedesk.review.internal.ReviewNotFoundException;
import org.freezedesk.security.StaffUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReviewService {

    private static final String DECIDED_MEANWHILE = "Another legal officer decided this request a moment ago; its case shows the decision";

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final CaseRepository cases;
    private final LegalDecisionRepository decisions;
    private final AuditLog audit;
    private final CasePermissions permissions;

    ReviewService(TaskService taskService, RuntimeService runtimeService, CaseRepository cases, LegalDecisionRepository decisions,
            AuditLog audit, CasePermissions permissions) {
        this.permissions = permissions;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.decisions = decisions;
        this.audit = audit;
    }

    /** The requests of the agencies the reviewer's legal unit serves, oldest first, so nothing waits longer than it must. */
    public List<ReviewItem> queue(StaffUser reviewer) {
        return taskService.createTaskQuery().taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW)
                .taskCandidateGroup(FreezeRequestProcess.LEGAL_GROUP).orderByTaskCreateTime().asc().list().stream()
                .map(this::item).filter(item -> permissions.mayReview(item.freezeCase().agency(), reviewer)).toList();
    }

    /** A review the reviewer may see; one of an agency its unit does not serve is answered as if it did not exist. */
    public ReviewItem item(String taskId, StaffUser reviewer) {
        Task task = taskService.createTaskQuery().taskId(taskId).taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW)
                .taskCandidateGroup(FreezeRequestProcess.LEGAL_GROUP).singleResult();
        if (task == null) {
            throw new ReviewNotFoundException(taskId);
        }
        ReviewItem item;
        try {
            item = item(task);
        } catch (NullValueException completedMeanwhile) {
            // Another reviewer's decision ended the task between the query and reading its variables.
            throw new ReviewNotFoundException(taskId);
        }
        if (!permissions.mayReview(item.freezeCase().agency(), reviewer)) {
            throw new ReviewNotFoundException(taskId);
        }
        return item;
    }

    /**
     * Like {@link #item(String, StaffUser)}, but a review the reviewer could see that has been decided since is
     * refused as no longer open (409) rather than unknown.
     */
    public ReviewItem openItem(String taskId, StaffUser reviewer) {
        try {
            return item(taskId, reviewer);
        } catch (ReviewNotFoundException e) {
            Optional<Long> decided = decisions.requestOfDecidedTask(taskId);
            if (decided.isPresent() && permissions.mayReview(cases.caseOfRequest(decided.get()).agency(), reviewer)) {
                throw new NotOpenException("This request has been decided already; its case shows the decision");
            }
            throw e;
        }
    }

    private ReviewItem item(Task task) {
        long requestId = (Long) runtimeService.getVariable(task.getExecutionId(), FreezeRequestProcess.FREEZE_REQUEST_ID);
        FreezeRequest request = cases.request(requestId);
        FreezeCase freezeCase = cases.caseOfRequest(requestId);
        return new ReviewItem(task.getId(), task.getCreateTime(), freezeCase, request, cases.targetsOf(requestId).size());
    }

    /**
     * Records the decision and moves the process on, in one transaction. The filer can never decide on
     * their own request, whatever the page showed them.
     */
    @Transactional
    public void decide(String taskId, DecisionForm form, StaffUser reviewer) {
        ReviewItem item = item(taskId, reviewer);
        if (item.request().filedBy().equals(reviewer.getUsername())) {
            throw new FourEyesViolationException();
        }
        String comment = form.getComment() == null || form.getComment().isBlank() ? null : form.getComment().strip();
        try {
            decisions.insert(item.request().id(), taskId, form.getDecision(), comment, reviewer.getUsername());
        } catch (DuplicateKeyException decidedMeanwhile) {
            throw new NotOpenException(DECIDED_MEANWHILE);
        }
        cases.setState(item.request().id(), form.getDecision().resultingState());
        audit.record("LEGAL_" + form.getDecision().name(), "freeze_request", item.request().id(), item.freezeCase().reference(),
                item.request().state().name(), form.getDecision().resultingState().name() + (comment == null ? "" : ": " + comment));
        try {
            taskService.complete(taskId, Map.of(FreezeRequestProcess.REVIEW_DECISION, form.getDecision().name()));
        } catch (NullValueException | OptimisticLockingException decidedMeanwhile) {
            throw new NotOpenException(DECIDED_MEANWHILE);
        }
    }
}
