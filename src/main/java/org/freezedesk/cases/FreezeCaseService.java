package org.freezedesk.cases;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class FreezeCaseService {

    private final CaseRepository cases;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuditLog audit;

    FreezeCaseService(CaseRepository cases, CounterpartyRequestRepository counterpartyRequests, RuntimeService runtimeService,
            TaskService taskService, AuditLog audit) {
        this.cases = cases;
        this.counterpartyRequests = counterpartyRequests;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.audit = audit;
    }

    /** Files a case with its first request and starts its review; all of it or nothing. */
    @Transactional
    public String file(FilingForm form, List<NewTarget> targets, StaffUser filer) {
        String reference = cases.nextReference(Year.now().getValue());
        long caseId = cases.insertCase(reference, form, filer.getAgency(), filer.getUsername());
        long requestId = cases.insertRequest(caseId, 1, form, filer.getUsername());
        cases.insertTargets(requestId, targets);
        audit.record("CASE_FILED", "freeze_case", caseId, reference, null, "title=" + form.getTitle().strip());
        audit.record("REQUEST_FILED", "freeze_request", requestId, reference, null, describe(form, targets));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(FreezeRequestProcess.KEY, reference,
                Map.of(FreezeRequestProcess.FREEZE_REQUEST_ID, requestId, FreezeRequestProcess.FILER, filer.getUsername()));
        cases.setProcessInstanceId(requestId, instance.getId());
        return reference;
    }

    /** The filer's answer to a request legal review returned: the changed request goes back to review. */
    @Transactional
    public void amend(String reference, int sequence, FilingForm form, List<NewTarget> targets, StaffUser filer) {
        FreezeCase freezeCase = visibleCase(reference, filer);
        FreezeRequest request = requestOf(freezeCase, sequence);
        Task task = openTask(request, FreezeRequestProcess.AMEND_REQUEST, filer)
                .orElseThrow(() -> new IllegalStateException("Request " + sequence + " of " + reference + " is not waiting for your amendment"));
        String before = describe(request, cases.targetsOf(request.id()));
        if (request.original()) {
            cases.updateCase(freezeCase.id(), form);
        }
        cases.updateRequest(request.id(), form);
        cases.deleteTargets(request.id());
        cases.insertTargets(request.id(), targets);
        audit.record("REQUEST_AMENDED", "freeze_request", request.id(), reference, before, describe(form, targets));
        taskService.complete(task.getId());
    }

    /** The filer has read the summary of a request every counterparty has answered. */
    @Transactional
    public void readSummary(String reference, int sequence, StaffUser filer) {
        FreezeRequest request = requestOf(visibleCase(reference, filer), sequence);
        Task task = openTask(request, FreezeRequestProcess.READ_SUMMARY, filer)
                .orElseThrow(() -> new IllegalStateException("No summary of request " + sequence + " is waiting for you"));
        audit.record("SUMMARY_READ", "freeze_request", request.id(), reference, null, null);
        taskService.complete(task.getId());
    }

    public List<FreezeCase> visibleCases(StaffUser user) {
        return cases.listCases(seesAllCases(user) ? null : user.getAgency());
    }

    public FreezeCase visibleCase(String reference, StaffUser user) {
        return cases.findCase(reference)
                .filter(c -> seesAllCases(user) || c.agency().equals(user.getAgency()))
                .orElseThrow(() -> new CaseNotFoundException(reference));
    }

    public FreezeRequest request(String reference, int sequence, StaffUser user) {
        return requestOf(visibleCase(reference, user), sequence);
    }

    public List<Target> targets(FreezeRequest request) {
        return cases.targetsOf(request.id());
    }

    public CaseView view(String reference, StaffUser user) {
        FreezeCase freezeCase = visibleCase(reference, user);
        List<CaseView.RequestView> requests = new ArrayList<>();
        List<CaseView.OpenTask> tasks = new ArrayList<>();
        for (FreezeRequest request : cases.requestsOf(freezeCase.id())) {
            requests.add(new CaseView.RequestView(request, cases.targetsOf(request.id())));
            if (request.processInstanceId() != null) {
                taskService.createTaskQuery().processInstanceId(request.processInstanceId()).taskAssignee(user.getUsername())
                        .list().forEach(t -> tasks.add(new CaseView.OpenTask(t.getId(), t.getTaskDefinitionKey(), request.sequenceNumber())));
            }
        }
        return new CaseView(freezeCase, requests, counterpartyRequests.summariesForCase(freezeCase.id()), totals(freezeCase.id()), tasks);
    }

    private List<CaseView.TotalRow> totals(long caseId) {
        Map<String, BigDecimal> frozen = counterpartyRequests.frozenPerAsset(caseId);
        return cases.requestedPerAsset(caseId).stream()
                .map(t -> new CaseView.TotalRow(t.asset(), t.amountText(), t.allCount(),
                        frozen.getOrDefault(t.asset(), BigDecimal.ZERO).stripTrailingZeros().toPlainString()))
                .toList();
    }

    private Optional<Task> openTask(FreezeRequest request, String taskKey, StaffUser assignee) {
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                .taskDefinitionKey(taskKey).taskAssignee(assignee.getUsername()).singleResult());
    }

    private FreezeRequest requestOf(FreezeCase freezeCase, int sequence) {
        return cases.requestsOf(freezeCase.id()).stream().filter(r -> r.sequenceNumber() == sequence).findFirst()
                .orElseThrow(() -> new CaseNotFoundException(freezeCase.reference() + " request " + sequence));
    }

    private static boolean seesAllCases(StaffUser user) {
        return user.has(Role.LEGAL) || user.has(Role.AUDITOR);
    }

    private static String describe(FilingForm form, List<NewTarget> targets) {
        return "legal basis=" + form.getLegalBasis().strip() + "; urgency=" + form.getUrgency() + "; targets="
                + targets.stream().map(t -> t.chain() + ":" + t.asset() + ":" + t.address() + ":"
                        + (t.amount() == null ? "all" : t.amount().toPlainString()) + "->" + t.counterpartyId()).toList();
    }

    private static String describe(FreezeRequest request, List<Target> targets) {
        return "legal basis=" + request.legalBasis() + "; urgency=" + request.urgency() + "; targets="
                + targets.stream().map(t -> t.chain() + ":" + t.asset() + ":" + t.address() + ":" + t.amountText() + "->"
                        + t.counterpartyId()).toList();
    }
}
