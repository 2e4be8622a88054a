package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An engine on H2 whose job executor runs {@link PacedJobAcquisition}, each acquisition that took jobs recorded. With a
 * spacing of zero, as Camunda acquires, the same steps take the three jobs one by one (1, 1, 1).
 */
class PacedJobAcquisitionTest {

    private static final Duration SPACING = Duration.ofSeconds(1);

    private final List<Integer> acquired = new CopyOnWriteArrayList<>();
    private ProcessEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void jobsAddedWithinTheSpacingAfterAnAcquisitionAreTakenTogetherWhileTheFirstJobIsTakenAtOnce() throws Exception {
        start(SPACING);
        startCase();
        awaitJobsDone(Duration.ofSeconds(5));
        assertThat(acquired).as("the first job").containsExactly(1);

        startCase();
        Thread.sleep(100);
        startCase();
        awaitJobsDone(Duration.ofSeconds(5));

        assertThat(acquired).as("the two jobs added within a spacing of the first acquisition").containsExactly(1, 2);
    }

    private void start(Duration spacing) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:paced-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                .setProcessEngineName("paced-" + UUID.randomUUID());
        DefaultJobExecutor jobExecutor = new PacedDefaultJobExecutor(spacing);
        jobExecutor.setWaitTimeInMillis(5000);
        jobExecutor.setAcquireJobsCmdFactory(jobs -> new AcquireJobsCmd(jobExecutor, jobs) {
            @Override
            public AcquiredJobs execute(CommandContext commandContext) {
                AcquiredJobs taken = super.execute(commandContext);
                if (taken.size() > 0) {
                    acquired.add(taken.size());
                }
                return taken;
            }
        });
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(true);
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("paced.bpmn", Bpmn.createExecutableProcess("paced").camundaHistoryTimeToLive(1)
                        .startEvent().serviceTask().camundaAsyncBefore().camundaExpression("${true}").endEvent().done())
                .deploy();
    }

    private void startCase() {
        engine.getRuntimeService().startProcessInstanceByKey("paced");
    }

    private void awaitJobsDone(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (engine.getManagementService().createJobQuery().count() > 0) {
            assertThat(System.nanoTime()).as("jobs done within " + patience).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
