package org.freezedesk;

import java.time.Duration;
import java.util.Optional;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.NotifyAcquisitionRejectedJobsHandler;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The engine's job executor: the starter's, set from {@code camunda.bpm.job-execution} as the starter sets its own (which
 * steps aside for this bean), with its acquisition paced by {@code freezedesk.jobs.acquisition-spacing}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
class JobExecution {

    @Bean
    static JobExecutor jobExecutor(@Qualifier(DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER) TaskExecutor taskExecutor,
            CamundaBpmProperties properties, @Value("${freezedesk.jobs.acquisition-spacing}") Duration spacing) {
        PacedJobExecutor jobExecutor = new PacedJobExecutor(spacing);
        jobExecutor.setTaskExecutor(taskExecutor);
        jobExecutor.setRejectedJobsHandler(new NotifyAcquisitionRejectedJobsHandler());
        JobExecutionProperty settings = properties.getJobExecution();
        Optional.ofNullable(settings.getLockTimeInMillis()).ifPresent(jobExecutor::setLockTimeInMillis);
        Optional.ofNullable(settings.getMaxJobsPerAcquisition()).ifPresent(jobExecutor::setMaxJobsPerAcquisition);
        Optional.ofNullable(settings.getWaitTimeInMillis()).ifPresent(jobExecutor::setWaitTimeInMillis);
        Optional.ofNullable(settings.getMaxWait()).ifPresent(jobExecutor::setMaxWait);
        Optional.ofNullable(settings.getBackoffTimeInMillis()).ifPresent(jobExecutor::setBackoffTimeInMillis);
        Optional.ofNullable(settings.getMaxBackoff()).ifPresent(jobExecutor::setMaxBackoff);
        Optional.ofNullable(settings.getBackoffDecreaseThreshold()).ifPresent(jobExecutor::setBackoffDecreaseThreshold);
        Optional.ofNullable(settings.getWaitIncreaseFactor()).ifPresent(jobExecutor::setWaitIncreaseFactor);
        return jobExecutor;
    }
}
