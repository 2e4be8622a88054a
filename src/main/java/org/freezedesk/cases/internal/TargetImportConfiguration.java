package org.freezedesk.cases.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads that check uploaded target files, apart from the web's and the engine's. */
@Configuration
class TargetImportConfiguration {

    static final String EXECUTOR = "targetImportExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor targetImportExecutor(@Value("${freezedesk.import.threads:2}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("target-import-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        return executor;
    }
}
