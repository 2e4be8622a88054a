package org.freezedesk.auditing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/** The path each process instance of a case took, for drawing over its BPMN diagram. */
@Service
public class ProcessDiagrams {

    /** Camunda's id suffix for the activity that holds a multi-instance activity's instances. */
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    /** One process instance of a case. */
    public record ProcessSummary(String id, String definitionKey, String definitionName, String state, String superProcessInstanceId) {
    }

    /**
     * How often an activity ran in the instance: {@code started} includes those still running; for a
     * multi-instance activity these count its inner instances.
     */
    public record ActivityCount(String activityId, String name, long started, long finished, boolean multiInstance) {

        public long active() {
            return started - finished;
        }
    }

    public record Diagram(ProcessSummary process, String bpmnXml, List<ActivityCount> activities) {
    }

    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final EngineHistory engineHistory;

    ProcessDiagrams(HistoryService historyService, RepositoryService repositoryService, EngineHistory engineHistory) {
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.engineHistory = engineHistory;
    }

    public List<ProcessSummary> processes(String caseReference) {
        return engineHistory.processes(caseReference).stream().map(ProcessDiagrams::summary).toList();
    }

    /** Empty when the instance does not belong to the case. */
    public Optional<Diagram> diagram(String caseReference, String processInstanceId) {
        HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).processInstanceBusinessKey(caseReference).singleResult();
        if (instance == null) {
            return Optional.empty();
        }
        return Optional.of(new Diagram(summary(instance), bpmnXml(instance.getProcessDefinitionId()), activities(processInstanceId)));
    }

    private List<ActivityCount> activities(String processInstanceId) {
        Map<String, ActivityCount> counts = new LinkedHashMap<>();
        for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list()) {
            if (a.getActivityId().endsWith(MULTI_INSTANCE_BODY)) {
                String inner = a.getActivityId().substring(0, a.getActivityId().length() - MULTI_INSTANCE_BODY.length());
                counts.merge(inner, new ActivityCount(inner, a.getActivityName(), 0, 0, true), ProcessDiagrams::add);
            } else {
                counts.merge(a.getActivityId(), new ActivityCount(a.getActivityId(), a.getActivityName(), 1,
                        a.getEndTime() == null ? 0 : 1, false), ProcessDiagrams::add);
            }
        }
        return List.copyOf(counts.values());
    }

    private static ActivityCount add(ActivityCount a, ActivityCount b) {
        return new ActivityCount(a.activityId(), a.name() == null ? b.name() : a.name(), a.started() + b.started(),
                a.finished() + b.finished(), a.multiInstance() || b.multiInstance());
    }

    private String bpmnXml(String processDefinitionId) {
        try (InputStream model = repositoryService.getProcessModel(processDefinitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProcessSummary summary(HistoricProcessInstance p) {
        return new ProcessSummary(p.getId(), p.getProcessDefinitionKey(), p.getProcessDefinitionName(), p.getState(),
                p.getSuperProcessInstanceId());
    }
}
