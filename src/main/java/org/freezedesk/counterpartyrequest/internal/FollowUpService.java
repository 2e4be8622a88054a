package org.freezedesk.counterpartyrequest.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CaseChangeRefusedException;
import org.freezedesk.cases.CaseNotFoundException;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.ClosedCases;
import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.LinkState;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the agency does about its counterparty requests from the case page: revoke a link, and when a
 * counterparty let its deadline pass, follow up by sending again, noting a call or e-mail, or extending the deadline.
 */
@Service("followUpService")
public class FollowUpService {

    private final FreezeCaseService freezeCaseService;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final AccessLinks accessLinks;
    private final TaskService taskService;
    private final AuditLog audit;
    private final ClosedCases closedCases;
    private final CasePermissions permissions;

    FollowUpService(FreezeCaseService freezeCaseService, CounterpartyRequestRepository counterpartyRequests, AccessLinks accessLinks,
            TaskService taskService, AuditLog audit, ClosedCases closedCases, CasePermissions permissions) {
        this.closedCases = closedCases;
        this.permissions = permissions;
        this.freezeCaseService = freezeCaseService;
        this.counterpartyRequests = counterpartyRequests;
        this.accessLinks = accessLinks;
        this.taskService = taskService;
        this.audit = audit;
    }

    /** Each counterparty request of the case with its link, deadline, recorded contacts and the user's follow-up task. */
    public List<FollowUpView> panel(String reference, StaffUser user) {
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        boolean closed = closedCases.isClosed(reference);
        return counterpartyRequests.summariesForCase(freezeCase.id()).stream()
                .map(summary -> new FollowUpView(counterpartyRequests.find(summary.id()), summary.counterpartyName(),
                        summary.requestSequence(), accessLinks.current(summary.id()).orElse(null),
                        counterpartyRequests.followUpContacts(summary.id()),
                        !closed && followUpTask(reference, summary.id(), user).isPresent(), closed))
                .toList();
    }

    @Transactional
    public void revokeLink(String reference, long counterpartyRequestId, StaffUser user) {
        CounterpartyRequest cr = ofCase(reference, counterpartyRequestId, user);
        if (accessLinks.revoke(cr.id())) {
            audit.record("LINK_REVOKED", "counterparty_request", cr.id(), reference, LinkState.ACTIVE.name(), LinkState.REVOKED.name());
        }
    }

    @Transactional
    public void resend(String reference, long counterpartyRequestId, StaffUser user) {
        CounterpartyRequest cr = ofCase(reference, counterpartyRequestId, user);
        Task task = openFollowUp(reference, cr, user);
        audit.record("FOLLOW_UP_RESEND", "counterparty_request", cr.id(), reference, cr.state().name(), "request to be sent again");
        complete(task, FollowUpDecision.RESEND, Map.of());
    }

    @Transactional
    public void recordContact(String reference, long counterpartyRequestId, ContactChannel channel, String note, StaffUser user) {
        CounterpartyRequest cr = ofCase(reference, counterpartyRequestId, user);
        Task task = openFollowUp(reference, cr, user);
        counterpartyRequests.insertFollowUpContact(cr.id(), channel, note, user.getUsername());
        audit.record("FOLLOW_UP_CONTACT_RECORDED", "counterparty_request", cr.id(), reference, null, channel + ": " + note);
        complete(task, FollowUpDecision.RECORD_CONTACT, Map.of());
    }

    /** Back to waiting, in the state the counterparty's answers so far put it in, with a new escalation timer. */
    @Transactional
    public void extendDeadline(String reference, long counterpartyRequestId, OffsetDateTime newDeadline, StaffUser user) {
        CounterpartyRequest cr = ofCase(reference, counterpartyRequestId, user);
        Task task = openFollowUp(reference, cr, user);
        CounterpartyRequestState waiting = cr.waitingState();
        counterpartyRequests.setDue(cr.id(), newDeadline);
        counterpartyRequests.setState(cr.id(), waiting);
        audit.record("DEADLINE_EXTENDED", "counterparty_request", cr.id(), reference, cr.state() + ", due " + cr.dueAt(),
                waiting + ", due " + newDeadline.withOffsetSameInstant(ZoneOffset.UTC));
        complete(task, FollowUpDecision.EXTEND_DEADLINE,
                Map.of(CounterpartyRequestProcess.DEADLINE, Date.from(newDeadline.toInstant())));
    }

    private void complete(Task task, FollowUpDecision decision, Map<String, Object> variables) {
        Map<String, Object> all = new HashMap<>(variables);
        all.put(CounterpartyRequestProcess.FOLLOW_UP_DECISION, decision.name());
        taskService.complete(task.getId(), all);
    }

    private Task openFollowUp(String reference, CounterpartyRequest cr, StaffUser user) {
        return followUpTask(reference, cr.id(), user)
                .orElseThrow(() -> new FollowUpNotOpenException(reference, cr.id()));
    }

    private Optional<Task> followUpTask(String reference, long counterpartyRequestId, StaffUser user) {
        return Optional.ofNullable(taskService.createTaskQuery().processDefinitionKey(CounterpartyRequestProcess.KEY)
                .processInstanceBusinessKey(reference).taskDefinitionKey(CounterpartyRequestProcess.FOLLOW_UP)
                .taskAssignee(user.getUsername())
                .processVariableValueEquals(CounterpartyRequestProcess.COUNTERPARTY_REQUEST_ID, counterpartyRequestId)
                .singleResult());
    }

    /**
     * The request, if it belongs to a case the user reads and the user may follow it up (the agency that filed its freeze
     * request, or the case's lead agency); as if it did not exist when the user may not even read the case.
     */
    CounterpartyRequest ofCase(String reference, long counterpartyRequestId, StaffUser user) {
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        CounterpartyRequest counterpartyRequest = counterpartyRequests.findByCase(freezeCase.id()).stream()
                .filter(cr -> cr.id() == counterpartyRequestId).findFirst()
                .orElseThrow(() -> new CaseNotFoundException(reference + " counterparty request " + counterpartyRequestId));
        if (!permissions.mayFollowUp(freezeCase, counterpartyRequest.freezeRequestId(), user)) {
            throw new CaseChangeRefusedException(reference);
        }
        return counterpartyRequest;
    }
}
