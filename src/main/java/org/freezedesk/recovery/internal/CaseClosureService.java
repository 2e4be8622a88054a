package org.freezedesk.recovery.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closes a case once nothing in it waits any more; a closed case stays as it was. */
@Service
public class CaseClosureService {

    private final CaseClosureRepository closures;
    private final RecoveryRepository recoveries;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final AuditLog audit;

    CaseClosureService(CaseClosureRepository closures, RecoveryRepository recoveries, TaskService taskService,
            RuntimeService runtimeService, AuditLog audit) {
        this.closures = closures;
        this.recoveries = recoveries;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.audit = audit;
    }

    /** Why the case cannot be closed yet; empty when it can. */
    public List<String> obstacles(FreezeCase freezeCase) {
        List<String> obstacles = new ArrayList<>();
        if (closures.find(freezeCase.id()).isPresent()) {
            obstacles.add("The case is already closed.");
            return obstacles;
        }
        closures.requestsInReview(freezeCase.id())
                .forEach(sequence -> obstacles.add("Request " + sequence + " is still in legal review or returned for amendment."));
        if (closures.counterpartyRequestCount(freezeCase.id()) == 0 && obstacles.isEmpty()) {
            obstacles.add("No counterparty was asked yet.");
        }
        closures.openCounterpartyRequests(freezeCase.id())
                .forEach(name -> obstacles.add("The counterparty request to " + name + " is not closed."));
        if (recoveries.anyOpen(freezeCase.id())) {
            obstacles.add("A recovery instruction still waits for legal review or the counterparty.");
        }
        if (taskService.createTaskQuery().processInstanceBusinessKey(freezeCase.reference()).list().stream()
                .anyMatch(t -> !FreezeHoldProcess.ASK_FOR_EXTENSION.equals(t.getTaskDefinitionKey()))) {
            obstacles.add("A task of this case is still open, such as a summary to read.");
        }
        return obstacles;
    }

    @Transactional
    public void close(FreezeCase freezeCase, String summary, StaffUser user) {
        List<String> obstacles = obstacles(freezeCase);
        if (!obstacles.isEmpty()) {
            throw new CaseNotClosableException(obstacles);
        }
        closures.insert(freezeCase.id(), summary, user.getUsername());
        // Nothing of a closed case is watched any more: its lapse warnings would only ask for work that cannot be done.
        runtimeService.createProcessInstanceQuery().processDefinitionKey(FreezeHoldProcess.KEY)
                .processInstanceBusinessKey(freezeCase.reference()).list()
                .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "case closed"));
        audit.record("CASE_CLOSED", "freeze_case", freezeCase.id(), freezeCase.reference(), "OPEN", "CLOSED: " + summary);
    }
}
