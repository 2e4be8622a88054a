package org.freezedesk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.zaxxer.hikari.HikariDataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * The shape of a FreezeDesk case on a bare Camunda engine: freeze-request.bpmn and counterparty-request.bpmn reduced to
 * their structure (legal review task, parallel multi-instance call activity with the same async boundaries, a message
 * wait per counterparty with its reminder and deadline timers), every step a no-op, on the engine and job executor
 * settings of application.yml, its acquisition paced as FreezeDesk's. What the engine itself costs, to compare FreezeDesk with.
 */
final class BareShape implements AutoCloseable {

    static final String FREEZE_REQUEST = "bare-freeze-request";
    static final String COUNTERPARTY_REQUEST = "bare-counterparty-request";
    static final String ANSWER = "counterpartyResponse";
    /** freezedesk.jobs.acquisition-spacing of application.yml. */
    static final Duration ACQUISITION_SPACING = Duration.ofMillis(100);

    private final HikariDataSource dataSource;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Duration poll;

    /** Does nothing: the bare shape measures the engine, not FreezeDesk's steps. */
    public static class NoOp implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
        }
    }

    BareShape(Map<String, String> database, Duration poll, WriteTransactions writes) {
        // The same JVM settings as the application's, which names these before its engine starts.
        ServiceProviders.name();
        this.poll = poll;
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.get("spring.datasource.url"));
        dataSource.setUsername(database.get("spring.datasource.username"));
        dataSource.setPassword(database.get("spring.datasource.password"));
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-shape");
        configuration.setDataSource(writes.counting(dataSource));
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setAuthorizationEnabled(true);
        configuration.setFailedJobRetryTimeCycle("R5/PT1M");
        DefaultJobExecutor jobExecutor = new PacedDefaultJobExecutor(ACQUISITION_SPACING);
        jobExecutor.setCorePoolSize(4);
        jobExecutor.setMaxPoolSize(8);
        jobExecutor.setQueueSize(16);
        jobExecutor.setMaxJobsPerAcquisition(8);
        jobExecutor.setWaitTimeInMillis(500);
        jobExecutor.setMaxWait(5000);
        jobExecutor.setLockTimeInMillis(30000);
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(true);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().name("bare-shape")
                .addModelInstance(FREEZE_REQUEST + ".bpmn", freezeRequest())
                .addModelInstance(COUNTERPARTY_REQUEST + ".bpmn", counterpartyRequest())
                .deploy();
        runtime = engine.getRuntimeService();
        tasks = engine.getTaskService();
    }

    /** freeze-request.bpmn's path of an approved request; the supplementary sub-process and the amendment loop are left out. */
    static BpmnModelInstance freezeRequest() {
        return Bpmn.createExecutableProcess(FREEZE_REQUEST).camundaHistoryTimeToLive(3650)
                .startEvent("requestFiled")
                .serviceTask("validateAndRoute").camundaClass(NoOp.class)
                .userTask("legalReview").camundaCandidateGroups("legal")
                .exclusiveGateway("reviewDecision")
                .condition("approved", "${reviewDecision == 'APPROVE'}")
                .serviceTask("listCounterparties").camundaClass(NoOp.class).camundaAsyncBefore()
                .callActivity("counterpartyRequest").calledElement(COUNTERPARTY_REQUEST).camundaAsyncAfter()
                .camundaIn("counterpartyId", "counterpartyId")
                .camundaInBusinessKey("#{execution.processBusinessKey}")
                .multiInstance().parallel().camundaCollection("${counterpartyIds}").camundaElementVariable("counterpartyId")
                .camundaAsyncAfter().multiInstanceDone()
                .serviceTask("completeFreezeRequest").camundaClass(NoOp.class)
                .userTask("readSummary")
                .endEvent("freezeRequestCompleted")
                .moveToNode("reviewDecision")
                .condition("rejected", "${reviewDecision != 'APPROVE'}")
                .endEvent("freezeRequestRejected")
                .done();
    }

    /** counterparty-request.bpmn's path of a counterparty that answers every target at once, before its reminder. */
    static BpmnModelInstance counterpartyRequest() {
        return Bpmn.createExecutableProcess(COUNTERPARTY_REQUEST).camundaHistoryTimeToLive(3650)
                .startEvent("counterpartyRequestStarted")
                .serviceTask("createCounterpartyRequest").camundaClass(NoOp.class)
                .serviceTask("decideSla").camundaClass(NoOp.class)
                .serviceTask("sendNotification").camundaClass(NoOp.class).camundaAsyncBefore()
                .serviceTask("checkAnswersAfterNotification").camundaClass(NoOp.class)
                .receiveTask("awaitResponse").message(ANSWER)
                .boundaryEvent("reminderDue").cancelActivity(false).timerWithDuration("P1D").endEvent("reminderSent")
                .moveToActivity("awaitResponse")
                .boundaryEvent("deadlineReached").timerWithDuration("P2D").endEvent("overdue")
                .moveToActivity("awaitResponse")
                .serviceTask("checkAnswers").camundaClass(NoOp.class)
                .serviceTask("closeCounterpartyRequest").camundaClass(NoOp.class)
                .endEvent("counterpartyRequestClosed")
                .done();
    }

    /**
     * One case as FreezeDesk's clients drive it: filed, approved, every counterparty answering once its wait is reached
     * (its notification job ran), until the request reaches the filer's summary task.
     */
    Load.Client client(int counterparties) {
        List<Long> counterpartyIds = LongStream.rangeClosed(1, counterparties).boxed().toList();
        return index -> {
            String businessKey = "BARE-" + index;
            String freezeRequest = runtime.startProcessInstanceByKey(FREEZE_REQUEST, businessKey,
                    Map.of("counterpartyIds", counterpartyIds)).getId();
            approve(freezeRequest);
            for (Execution waiting : awaitWaiting(businessKey, counterparties, Duration.ofMinutes(2))) {
                runtime.createMessageCorrelation(ANSWER).processInstanceId(waiting.getProcessInstanceId()).correlate();
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (tasks.createTaskQuery().processInstanceId(freezeRequest).taskDefinitionKey("readSummary").count() == 0) {
                pause(poll, deadline, "readSummary of " + businessKey);
            }
        };
    }

    /** Milliseconds from the approval to the last of {@code counterparties} waits reached (its notification job done). */
    long fanOut(int counterparties, Duration fineStep) throws InterruptedException {
        String businessKey = "BARE-FAN-OUT";
        String freezeRequest = runtime.startProcessInstanceByKey(FREEZE_REQUEST, businessKey,
                Map.of("counterpartyIds", LongStream.rangeClosed(1, counterparties).boxed().toList())).getId();
        long start = System.nanoTime();
        approve(freezeRequest);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (waiting(businessKey).size() < counterparties) {
            pause(fineStep, deadline, "the fan-out's waits");
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private void approve(String freezeRequest) {
        String review = tasks.createTaskQuery().processInstanceId(freezeRequest).taskDefinitionKey("legalReview").singleResult().getId();
        tasks.complete(review, Map.of("reviewDecision", "APPROVE"));
    }

    private List<Execution> awaitWaiting(String businessKey, int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<Execution> waiting = waiting(businessKey);
        while (waiting.size() < count) {
            pause(poll, deadline, count + " waits of " + businessKey);
            waiting = waiting(businessKey);
        }
        return waiting;
    }

    private List<Execution> waiting(String businessKey) {
        return runtime.createExecutionQuery().processInstanceBusinessKey(businessKey).messageEventSubscriptionName(ANSWER).list();
    }

    private static void pause(Duration step, long deadlineNanos, String awaited) throws InterruptedException {
        if (System.nanoTime() > deadlineNanos) {
            throw new IllegalStateException("gave up waiting for " + awaited);
        }
        Thread.sleep(step.toMillis());
    }

    @Override
    public void close() {
        engine.close();
        dataSource.close();
    }
}
