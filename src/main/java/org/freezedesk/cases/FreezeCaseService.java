package org.freezedesk.cases;

import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.RoutesClosedException;
import org.freezedesk.cases.internal.SupplementaryForms;
import org.freezedesk.cases.internal.TargetImport;
import org.freezedesk.cases.internal.TargetImportRepository;
import org.freezedesk.cases.internal.TargetRoute;
import org.freezedesk.cases.internal.RouteOverrides;
import org.freezedesk.directory.TargetRouter;
import org.freezedesk.input.NotOpenException;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class FreezeCaseService {

    /** An audit event lists this many targets at most, so that it stays readable and fits its column. */
    private static final int DESCRIBED_TARGETS = 20;

    private final CaseRepository cases;
    private final CounterpartyProgress counterpartyRequests;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuditLog audit;
    private final TargetRouter router;
    private final TargetImportRepository imports;
    private final RouteOverrides routeOverrides;
    private final CasePermissions permissions;
    private final TargetSanctions sanctions;
    private final ClosedCases closedCases;

    FreezeCaseService(CaseRepository cases, CounterpartyProgress counterpartyRequests, RuntimeService runtimeService,
            TaskService taskService, AuditLog audit, TargetRouter router, TargetImportRepository imports, RouteOverrides routeOverrides,
            CasePermissions permissions, TargetSanctions sanctions, ClosedCases closedCases) {
        this.closedCases = closedCases;
        this.sanctions = sanctions;
        this.routeOverrides = routeOverrides;
        this.permissions = permissions;
        this.router = router;
        this.imports = imports;
        this.cases = cases;
        this.counterpartyRequests = counterpartyRequests;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.audit = audit;
    }

    /** Files a case with its first request and starts its review; all of it or nothing. */
    @Transactional
    public String file(FilingForm form, List<NewTarget> targets, StaffUser filer) {
        return file(form, filer, requestId -> saveTargets(requestId, targets), describe(targets));
    }

    /**
     * Files a case whose targets come from a checked CSV import, exactly as its preview showed them. An import is
     * used once: filing it again, or one with errors, throws {@link ImportNotUsableException} and stores nothing.
     */
    @Transactional
    public String file(FilingForm form, TargetImport targetImport, StaffUser filer) {
        imports.claim(targetImport, filer.getUsername());
        return file(form, filer, requestId -> imports.copyTargets(targetImport.id(), requestId), describe(targetImport));
    }

    private String file(FilingForm form, StaffUser filer, LongConsumer saveTargets, String targetsDescription) {
        String reference = cases.nextReference(Year.now().getValue());
        long caseId = cases.insertCase(reference, form, filer.getAgency(), filer.getUsername());
        long requestId = cases.insertRequest(caseId, 1, form, filer.getUsername(), filer.getAgency());
        saveTargets.accept(requestId);
        cases.refreshTotals(requestId);
        audit.record("CASE_FILED", "freeze_case", caseId, reference, null, "title=" + form.getTitle().strip());
        audit.record("REQUEST_FILED", "freeze_request", requestId, reference, null, describe(form) + targetsDescription);
        recordFlags(requestId, reference, null);
        sanctions.screenFiled(requestId, reference);
        runtimeService.startProcessInstanceByKey(FreezeRequestProcess.KEY, reference,
                Map.of(FreezeRequestProcess.FREEZE_REQUEST_ID, requestId, FreezeRequestProcess.FILER, filer.getUsername()));
        return reference;
    }

    /**
     * Files new targets on an existing case, typically where funds moved on. The request goes through the
     * same review and fan-out inside the case's running process, beside counterparties still answering
     * earlier requests; once that process has ended, a new one takes it. Returns the request's number.
     */
    @Transactional
    public int fileSupplementary(String reference, FilingForm form, List<NewTarget> targets, StaffUser filer) {
        FreezeCase freezeCase = fileableCase(reference, filer);
        if (closedCases.isClosed(reference)) {
            throw new NotOpenException("Case " + reference + " is closed and takes no more requests; file a new case instead");
        }
        // The lead and its partners may file on one case at the same moment: they take numbers one after the other.
        cases.lockCase(freezeCase.id());
        int sequence = cases.requestsOf(freezeCase.id()).size() + 1;
        long requestId = cases.insertRequest(freezeCase.id(), sequence, form, filer.getUsername(), filer.getAgency());
        saveTargets(requestId, targets);
        cases.refreshTotals(requestId);
        audit.record("SUPPLEMENTARY_REQUEST_FILED", "freeze_request", requestId, reference, null,
                "request " + sequence + "; " + describe(form) + describe(targets));
        recordFlags(requestId, reference, null);
        sanctions.screenFiled(requestId, reference);
        Map<String, Object> variables = Map.of(FreezeRequestProcess.FREEZE_REQUEST_ID, requestId,
                FreezeRequestProcess.FILER, filer.getUsername());
        runtimeService.createProcessInstanceQuery().processDefinitionKey(FreezeRequestProcess.KEY)
                .processInstanceBusinessKey(reference).rootProcessInstances().active().list().stream().findFirst()
                .ifPresentOrElse(running -> runtimeService.createMessageCorrelation(FreezeRequestProcess.SUPPLEMENTARY_REQUEST_FILED)
                                .processInstanceId(running.getId()).setVariablesLocal(variables).correlateWithResult(),
                        () -> runtimeService.startProcessInstanceByKey(FreezeRequestProcess.KEY, reference, variables));
        return sequence;
    }

    /** A supplementary request starts from the case's original legal basis and the leads chosen on the case page. */
    public FilingForm supplementaryForm(String reference, List<Long> leadIds, StaffUser filer) {
        FreezeCase freezeCase = fileableCase(reference, filer);
        FreezeRequest original = requestOf(freezeCase, 1);
        List<Lead> leads = counterpartyRequests.leadsForCase(freezeCase.id()).stream().filter(l -> leadIds.contains(l.outcomeId())).toList();
        FilingForm form = SupplementaryForms.of(freezeCase, original, leads);
        if (!original.agency().equals(filer.getAgency())) {
            // A partner files under its own legal basis and jurisdiction, never under the lead's.
            SupplementaryForms.withoutLegalBasis(form);
        }
        return form;
    }

    /**
     * The filer's answer to a request legal review returned: the changed request goes back to review. Returns the
     * route overrides dropped because their target was removed or changed; the others are kept.
     */
    @Transactional
    public List<String> amend(String reference, int sequence, FilingForm form, List<NewTarget> targets, StaffUser filer) {
        return amend(reference, sequence, form, filer, requestId -> saveTargets(requestId, targets), describe(targets));
    }

    /** As {@link #amend(String, int, FilingForm, List, StaffUser)}, with the targets of a checked import. */
    @Transactional
    public List<String> amend(String reference, int sequence, FilingForm form, TargetImport targetImport, StaffUser filer) {
        imports.claim(targetImport, filer.getUsername());
        return amend(reference, sequence, form, filer, requestId -> imports.copyTargets(targetImport.id(), requestId), describe(targetImport));
    }

    private List<String> amend(String reference, int sequence, FilingForm form, StaffUser filer, LongConsumer saveTargets,
            String targetsDescription) {
        FreezeCase freezeCase = visibleCase(reference, filer);
        FreezeRequest request = changeableRequest(reference, sequence, filer);
        Task task = openTask(request, FreezeRequestProcess.AMEND_REQUEST, filer)
                .orElseThrow(() -> new NotOpenException("Request " + sequence + " of " + reference + " is not waiting for an amendment (any more)"));
        String before = describe(request) + describeStored(cases.targetsOf(request.id()));
        if (request.original() && permissions.mayChange(freezeCase, filer)) {
            cases.updateCase(freezeCase.id(), form);
        }
        cases.updateRequest(request.id(), form);
        Map<String, RouteOverrides.Kept> overridden = routeOverrides.before(request.id());
        cases.deleteTargets(request.id());
        saveTargets.accept(request.id());
        List<String> dropped = routeOverrides.restore(request.id(), overridden).stream().map(RouteOverrides.Kept::describe).toList();
        cases.refreshTotals(request.id());
        audit.record("REQUEST_AMENDED", "freeze_request", request.id(), reference, before, describe(form) + targetsDescription
                + (dropped.isEmpty() ? "" : "; route overrides dropped: "
                + String.join("; ", dropped.subList(0, Math.min(dropped.size(), DESCRIBED_TARGETS)))));
        recordFlags(request.id(), reference, request);
        sanctions.screenFiled(request.id(), reference);
        taskService.complete(task.getId());
        return dropped;
    }

    /**
     * The filer sends a target to other counterparties than routing chose, or to none, saying why. Only before
     * legal review approves the request: after that the counterparties have been asked.
     */
    @Transactional
    public void overrideRoute(String reference, int sequence, int lineNumber, Set<Long> counterpartyIds, String reason, StaffUser filer) {
        FreezeRequest request = changeableRequest(reference, sequence, filer);
        if (request.state() != FreezeRequestState.IN_REVIEW && request.state() != FreezeRequestState.RETURNED) {
            throw new RoutesClosedException(reference, sequence);
        }
        Target target = target(request, lineNumber);
        String before = describeRoutes(cases.routesOfTarget(target.id()));
        cases.overrideRoutes(target.id(), counterpartyIds, reason.strip(), filer.getUsername());
        cases.refreshTotals(request.id());
        String after = describeRoutes(cases.routesOfTarget(target.id()));
        audit.record("ROUTE_OVERRIDDEN", "target", target.id(), reference, "line " + lineNumber + ": " + before,
                "line " + lineNumber + ": " + after + "; reason: " + reason.strip());
    }

    public Target target(FreezeRequest request, int lineNumber) {
        return cases.target(request.id(), lineNumber)
                .orElseThrow(() -> new CaseNotFoundException("request " + request.sequenceNumber() + " line " + lineNumber));
    }

    public List<TargetRoute> routes(Target target) {
        return cases.routesOfTarget(target.id());
    }

    private void saveTargets(long requestId, List<NewTarget> targets) {
        cases.insertTargets(requestId, targets, router.route(targets.stream().map(NewTarget::routeKey).toList()));
    }

    /** The filer has read the summary of a request every counterparty has answered. */
    @Transactional
    public void readSummary(String reference, int sequence, StaffUser filer) {
        FreezeRequest request = changeableRequest(reference, sequence, filer);
        Task task = openTask(request, FreezeRequestProcess.READ_SUMMARY, filer)
                .orElseThrow(() -> new NotOpenException("No summary of request " + sequence + " is waiting for you: it was read already"));
        audit.record("SUMMARY_READ", "freeze_request", request.id(), reference, null, null);
        taskService.complete(task.getId());
    }

    /** The cases the user may read ({@link CasePermissions}). */
    public List<FreezeCase> visibleCases(StaffUser user) {
        return permissions.readableCases(user);
    }

    /** A case the user may read; otherwise {@link CaseNotFoundException}. */
    public FreezeCase visibleCase(String reference, StaffUser user) {
        return permissions.readable(reference, user);
    }

    /** A case the user may change; {@link CaseChangeRefusedException} when it may only read it. */
    public FreezeCase changeableCase(String reference, StaffUser user) {
        return permissions.changeable(reference, user);
    }

    public FreezeRequest request(String reference, int sequence, StaffUser user) {
        return requestOf(visibleCase(reference, user), sequence);
    }

    /** A request the user's agency filed and may still change (in a joint case, a partner changes only its own). */
    public FreezeRequest changeableRequest(String reference, int sequence, StaffUser user) {
        FreezeCase freezeCase = visibleCase(reference, user);
        return permissions.changeableRequest(freezeCase, requestOf(freezeCase, sequence), user);
    }

    /** A case the user may file requests on: its agency's, or a joint case where the user's agency has the FILE scope. */
    public FreezeCase fileableCase(String reference, StaffUser user) {
        return permissions.fileable(reference, user);
    }

    public List<Target> targets(FreezeRequest request) {
        return cases.targetsOf(request.id());
    }

    /** One read-only transaction for the dozen reads of a case, not a commit each. */
    @Transactional(readOnly = true)
    public CaseView view(String reference, StaffUser user) {
        return view(reference, user, true);
    }

    /**
     * The case without its targets, which the case page shows a page at a time ({@link TargetAnswers}) and sums up
     * per counterparty ({@link CaseRepository#routingLines}), so that a case of 50,000 targets opens at once.
     */
    @Transactional(readOnly = true)
    public CaseView viewWithoutTargets(String reference, StaffUser user) {
        return view(reference, user, false);
    }

    public List<RoutingLine> routingLines(FreezeRequest request) {
        return cases.routingLines(request.id());
    }

    private CaseView view(String reference, StaffUser user, boolean withTargets) {
        FreezeCase freezeCase = visibleCase(reference, user);
        List<CaseView.RequestView> requests = new ArrayList<>();
        List<CaseView.OpenTask> tasks = new ArrayList<>();
        for (FreezeRequest request : cases.requestsOf(freezeCase.id())) {
            List<Target> targets = withTargets ? cases.targetsOf(request.id()) : List.of();
            Map<Long, List<TargetRoute>> routes = withTargets ? cases.routesOf(request.id()) : Map.of();
            requests.add(new CaseView.RequestView(request, targets, routes, TargetGroup.of(targets, routes)));
            if (request.processInstanceId() != null) {
                taskService.createTaskQuery().processInstanceId(request.processInstanceId()).taskAssignee(user.getUsername())
                        .list().forEach(t -> tasks.add(new CaseView.OpenTask(t.getId(), t.getTaskDefinitionKey(), request.sequenceNumber())));
            }
        }
        return new CaseView(freezeCase, requests, counterpartyRequests.summariesForCase(freezeCase.id()), totals(freezeCase.id()), tasks,
                counterpartyRequests.leadsForCase(freezeCase.id()));
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

    private static String describe(FilingForm form) {
        return "legal basis=" + form.getLegalBasis().strip() + "; urgency=" + form.getUrgency() + "; ";
    }

    private static String describe(FreezeRequest request) {
        return "legal basis=" + request.legalBasis() + "; urgency=" + request.urgency() + "; ";
    }

    /**
     * The emergency justification and the do-not-notify flag get events of their own, each when filed or changed
     * ({@code before} is null at filing), so that an auditor finds them without reading every request description.
     */
    private void recordFlags(long requestId, String reference, FreezeRequest before) {
        FreezeRequest after = cases.request(requestId);
        String justificationBefore = before == null ? null : before.emergencyJustification();
        if (after.emergencyJustification() != null && !after.emergencyJustification().equals(justificationBefore)) {
            audit.record("EMERGENCY_JUSTIFIED", "freeze_request", requestId, reference, justificationBefore, after.emergencyJustification());
        }
        String flagBefore = before == null ? null : describeDoNotNotify(before);
        String flagAfter = describeDoNotNotify(after);
        if (before == null ? after.doNotNotify() : !flagAfter.equals(flagBefore)) {
            audit.record("DO_NOT_NOTIFY_SET", "freeze_request", requestId, reference, flagBefore, flagAfter);
        }
    }

    private static String describeDoNotNotify(FreezeRequest request) {
        return request.doNotNotify() ? "do not notify the customer until " + request.doNotNotifyUntil() + " (inclusive); legal basis: "
                + request.doNotNotifyBasis() : "the customer may be notified";
    }

    /** Lists the targets while that stays readable; a long list is summed up, and its file is named by its hash. */
    private static String describe(List<NewTarget> targets) {
        return describeTargets(targets.size(), targets.stream().limit(DESCRIBED_TARGETS)
                .map(t -> t.chain() + ":" + t.asset() + ":" + t.address() + ":" + t.amountText()).toList());
    }

    private static String describeStored(List<Target> targets) {
        return describeTargets(targets.size(), targets.stream().limit(DESCRIBED_TARGETS)
                .map(t -> t.chain() + ":" + t.asset() + ":" + t.address() + ":" + t.amountText()).toList());
    }

    private static String describeTargets(int count, List<String> first) {
        return "targets=" + count + (count > first.size() ? ", the first " + first.size() + ": " : ": ") + first;
    }

    private static String describe(TargetImport targetImport) {
        return "targets=" + targetImport.validLines() + " imported from " + targetImport.fileName() + " (SHA-256 "
                + targetImport.fileSha256() + ")";
    }

    private static String describeRoutes(List<TargetRoute> routes) {
        return routes.isEmpty() ? "unattributed"
                : String.join(", ", routes.stream().map(r -> r.counterpartyName() + " (" + r.reason() + ")").toList());
    }
}
