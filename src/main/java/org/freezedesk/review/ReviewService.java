package org.freezedesk.review;

import java.util.ArrayList;
import java.util.HashMap;
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
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.input.NotOpenException;
import org.freezedesk.review.internal.ReviewItem;
import org.freezedesk.review.internal.ReviewNotFoundException;
import org.freezedesk.security.LegalOfficers;
import org.freezedesk.security.StaffUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ReviewService {

    private static final String DECIDED_MEANWHILE = "Another legal officer decided this request a moment ago; its case shows the decision";

    /** The user tasks of freeze-request.bpmn a legal officer decides here. */
    private static final String[] REVIEW_TASKS = {FreezeRequestProcess.LEGAL_REVIEW, FreezeRequestProcess.ON_CALL_APPROVAL,
            FreezeRequestProcess.SECOND_REVIEW};

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final CaseRepository cases;
    private final LegalDecisionRepository decisions;
    private final AuditLog audit;
    private final CasePermissions permissions;
    private final LegalOfficers officers;
    private final ApplicationEventPublisher events;

    ReviewService(TaskService taskService, RuntimeService runtimeService, CaseRepository cases, LegalDecisionRepository decisions,
            AuditLog audit, CasePermissions permissions, LegalOfficers officers, ApplicationEventPublisher events) {
        this.permissions = permissions;
        this.officers = officers;
        this.events = events;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.cases = cases;
        this.decisions = decisions;
        this.audit = audit;
    }

    /**
     * The requests of the agencies the reviewer's legal unit serves (by the agency that filed each request, which in a
     * joint case may be a partner rather than the case's agency), oldest first, so nothing waits longer than it must;
     * EMERGENCY requests waiting for an on-call approval only for officers on call.
     */
    @Transactional(readOnly = true)
    public List<ReviewItem> queue(StaffUser reviewer) {
        boolean onCall = officers.isOnCall(reviewer.getUsername());
        List<Task> tasks = taskService.createTaskQuery().taskDefinitionKeyIn(REVIEW_TASKS).orderByTaskCreateTime().asc().list().stream()
                .filter(task -> onCall || !FreezeRequestProcess.ON_CALL_APPROVAL.equals(task.getTaskDefinitionKey()))
                .toList();
        if (tasks.isEmpty()) {
            return List.of();
        }
        // A fixed number of queries for the whole queue, not four per item: each task's request id (a variable of its
        // process instance), then the requests, their cases and their target counts.
        Map<String, Long> requestOfInstance = new HashMap<>();
        runtimeService.createVariableInstanceQuery().variableName(FreezeRequestProcess.FREEZE_REQUEST_ID)
                .processInstanceIdIn(tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new)).list().stream()
                .filter(variable -> variable.getExecutionId().equals(variable.getProcessInstanceId()))
                .forEach(variable -> requestOfInstance.put(variable.getProcessInstanceId(), (Long) variable.getValue()));
        Map<Long, FreezeRequest> requests = cases.requests(requestOfInstance.values());
        Map<Long, FreezeCase> freezeCases = cases.cases(requests.values().stream().map(FreezeRequest::caseId).distinct().toList());
        Map<Long, Integer> targetCounts = cases.targetCounts(requests.keySet());
        List<ReviewItem> items = new ArrayList<>();
        for (Task task : tasks) {
            FreezeRequest request = requests.get(requestOfInstance.get(task.getProcessInstanceId()));
            // A task decided between the queries has no request left to show: it is no longer in the queue.
            if (request != null && permissions.mayReview(request.agency(), reviewer)) {
                items.add(new ReviewItem(task.getId(), task.getCreateTime(), freezeCases.get(request.caseId()), request,
                        targetCounts.getOrDefault(request.id(), 0), task.getTaskDefinitionKey()));
            }
        }
        return items;
    }

    /**
     * A review the reviewer may see; one of an agency its unit does not serve, or an on-call approval for an officer
     * not on call, is answered as if it did not exist.
     */
    public ReviewItem item(String taskId, StaffUser reviewer) {
        Task task = taskService.createTaskQuery().taskId(taskId).taskDefinitionKeyIn(REVIEW_TASKS).singleResult();
        if (task == null) {
            throw new ReviewNotFoundException(taskId);
        }
        ReviewItem item;
        try {
            item = item(task);
        } catch (NullValueException | OptimisticLockingException decidedMeanwhile) {
            // Another reviewer's decision ended the task between the query and reading its variables, or moved its
            // execution on while the engine read it (the read then fails on the execution's changed revision).
            throw new ReviewNotFoundException(taskId);
        }
        if (!permissions.mayReview(item.request().agency(), reviewer)
                || item.onCallApproval() && !officers.isOnCall(reviewer.getUsername())) {
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
            if (decided.isPresent() && permissions.mayReview(cases.request(decided.get()).agency(), reviewer)) {
                throw new NotOpenException("This request has been decided already; its case shows the decision");
            }
            throw e;
        }
    }

    private ReviewItem item(Task task) {
        long requestId = (Long) runtimeService.getVariable(task.getExecutionId(), FreezeRequestProcess.FREEZE_REQUEST_ID);
        FreezeRequest request = cases.request(requestId);
        FreezeCase freezeCase = cases.caseOfRequest(requestId);
        return new ReviewItem(task.getId(), task.getCreateTime(), freezeCase, request, cases.targetCount(requestId),
                task.getTaskDefinitionKey());
    }

    /** Who approved the request on call, for its second review to be someone else; null before that approval. */
    public String onCallApprover(ReviewItem item) {
        try {
            return (String) taskService.getVariable(item.taskId(), FreezeRequestProcess.ON_CALL_APPROVER);
        } catch (NullValueException | OptimisticLockingException decidedMeanwhile) {
            throw new ReviewNotFoundException(item.taskId());
        }
    }

    /**
     * Records the decision and moves the process on, in one transaction. The filer can never decide on
     * their own request, whatever the page showed them, nor the on-call approver on its second review. The
     * second review leaves the state as it is when it confirms; when it rejects, the process withdraws the request.
     */
    @Transactional
    public void decide(String taskId, DecisionForm form, StaffUser reviewer) {
        ReviewItem item = item(taskId, reviewer);
        if (item.request().filedBy().equals(reviewer.getUsername())) {
            throw new FourEyesViolationException();
        }
        if (item.secondReview() && reviewer.getUsername().equals(onCallApprover(item))) {
            throw new FourEyesViolationException("You approved this request on call, so someone else must do its second review (four eyes)");
        }
        if (!item.mayReturn() && form.getDecision() == ReviewDecision.RETURN) {
            throw new IllegalArgumentException("An emergency request is approved or rejected, not returned");
        }
        String comment = form.getComment() == null || form.getComment().isBlank() ? null : form.getComment().strip();
        try {
            decisions.insert(item.request().id(), taskId, form.getDecision(), comment, reviewer.getUsername());
        } catch (DuplicateKeyException decidedMeanwhile) {
            throw new NotOpenException(DECIDED_MEANWHILE);
        }
        FreezeRequestState after = item.secondReview() ? item.request().state() : form.getDecision().resultingState();
        cases.setState(item.request().id(), after);
        String prefix = item.onCallApproval() ? "ON_CALL_" : item.secondReview() ? "SECOND_REVIEW_" : "LEGAL_";
        audit.record(prefix + form.getDecision().name(), "freeze_request", item.request().id(), item.freezeCase().reference(),
                item.request().state().name(), after.name() + (comment == null ? "" : ": " + comment));
        // The second review's approval confirms a request that went out on its on-call approval: nothing new is approved.
        if (form.getDecision() == ReviewDecision.APPROVE && !item.secondReview()) {
            events.publishEvent(new RequestApproved(item.request().id(), item.freezeCase().reference()));
        }
        Map<String, Object> variables = new HashMap<>(Map.of(FreezeRequestProcess.REVIEW_DECISION, form.getDecision().name()));
        if (item.onCallApproval()) {
            variables.put(FreezeRequestProcess.ON_CALL_APPROVER, reviewer.getUsername());
        }
        try {
            taskService.complete(taskId, variables);
        } catch (NullValueException | OptimisticLockingException decidedMeanwhile) {
            throw new NotOpenException(DECIDED_MEANWHILE);
        }
    }
}
