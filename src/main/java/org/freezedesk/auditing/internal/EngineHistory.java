package org.freezedesk.auditing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditConstants;
import org.freezedesk.audit.TimelinePosition;
import org.springframework.stereotype.Component;

/**
 * What the engine's history knows about a case, as timeline entries: every process instance whose
 * business key is the case reference (the fan-out passes it on to each counterparty's instance).
 */
@Component
class EngineHistory {

    private static final String TIMER_JOB_PREFIX = "timer";

    private final HistoryService historyService;

    EngineHistory(HistoryService historyService) {
        this.historyService = historyService;
    }

    List<HistoricProcessInstance> processes(String caseReference) {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseReference)
                .orderByProcessInstanceStartTime().asc().list();
    }

    /** In timeline order. */
    List<TimelineEntry> entries(String caseReference) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (HistoricTaskInstance task : historyService.createHistoricTaskInstanceQuery()
                .processInstanceBusinessKey(caseReference).list()) {
            addTask(task, entries);
        }
        for (HistoricProcessInstance process : processes(caseReference)) {
            for (HistoricJobLog log : historyService.createHistoricJobLogQuery().processInstanceId(process.getId()).list()) {
                addJob(log, entries);
            }
            for (HistoricIncident incident : historyService.createHistoricIncidentQuery().processInstanceId(process.getId()).list()) {
                addIncident(incident, entries);
            }
        }
        entries.sort(Comparator.comparing(TimelineEntry::position));
        return entries;
    }

    private static void addTask(HistoricTaskInstance task, List<TimelineEntry> entries) {
        String object = "task " + task.getTaskDefinitionKey() + " (" + task.getName() + ")";
        String assignee = task.getAssignee() == null ? "unassigned" : "assignee " + task.getAssignee();
        entries.add(engine(task.getId() + ":created", task.getStartTime(), EntryKind.TASK, AuditConstants.ENGINE_ACTOR,
                "TASK_CREATED", object, null, assignee, task.getProcessInstanceId()));
        if (task.getEndTime() != null) {
            boolean completed = "completed".equals(task.getDeleteReason());
            entries.add(engine(task.getId() + ":ended", task.getEndTime(), EntryKind.TASK,
                    task.getAssignee() == null ? AuditConstants.ENGINE_ACTOR : task.getAssignee(),
                    completed ? "TASK_COMPLETED" : "TASK_ENDED", object, null,
                    completed ? assignee : task.getDeleteReason(), task.getProcessInstanceId()));
        }
    }

    private static void addJob(HistoricJobLog log, List<TimelineEntry> entries) {
        boolean timer = log.getJobDefinitionType() != null && log.getJobDefinitionType().startsWith(TIMER_JOB_PREFIX);
        if (log.isSuccessLog() && timer) {
            entries.add(engine(log.getId(), log.getTimestamp(), EntryKind.TIMER, AuditConstants.ENGINE_ACTOR, "TIMER_FIRED",
                    "activity " + log.getActivityId(), null, "due " + log.getJobDueDate().toInstant(), log.getProcessInstanceId()));
        } else if (log.isFailureLog()) {
            entries.add(engine(log.getId(), log.getTimestamp(), EntryKind.JOB_FAILURE, AuditConstants.ENGINE_ACTOR, "JOB_FAILED",
                    "activity " + (log.getFailedActivityId() == null ? log.getActivityId() : log.getFailedActivityId()), null,
                    log.getJobExceptionMessage() + " (job retries at failure: " + log.getJobRetries() + ")",
                    log.getProcessInstanceId()));
        }
    }

    private static void addIncident(HistoricIncident incident, List<TimelineEntry> entries) {
        String object = "activity " + incident.getActivityId();
        entries.add(engine(incident.getId() + ":opened", incident.getCreateTime(), EntryKind.INCIDENT, AuditConstants.ENGINE_ACTOR,
                "INCIDENT_OPENED", object, null, incident.getIncidentType() + ": " + incident.getIncidentMessage(),
                incident.getProcessInstanceId()));
        if (incident.getEndTime() != null) {
            entries.add(engine(incident.getId() + ":closed", incident.getEndTime(), EntryKind.INCIDENT, AuditConstants.ENGINE_ACTOR,
                    incident.isResolved() ? "INCIDENT_RESOLVED" : "INCIDENT_DELETED", object, null, null,
                    incident.getProcessInstanceId()));
        }
    }

    private static TimelineEntry engine(String id, Date at, EntryKind kind, String actor, String action, String object,
            String before, String after, String processInstanceId) {
        String role = actor.equals(AuditConstants.ENGINE_ACTOR) ? Actor.ENGINE.role() : null;
        return new TimelineEntry(TimelinePosition.ofEngine(at.toInstant(), id), kind, actor, role, null, action, object, before,
                after, processInstanceId, null);
    }
}
