package org.freezedesk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run {@code @ApplicationModuleListener}s. Without an executor named {@value #BEAN}, {@code @Async}
 * finds several (the engine's, the target import's) and falls back to a new thread per event, unbounded: a burst of
 * events (sixteen SDN imports at once) then started as many listeners, each holding a connection for its own transaction
 * and waiting for a second for the transaction it opens per request, until every connection of the pool was held by a
 * listener waiting for another. A listener holds at most two connections, so the threads stay under half of the
 * pool; more events wait in the queue, and their publications stay in {@code event_publication} until they have run.
 */
@Configuration(proxyBeanMethods = false)
class ModuleListenerThreads {

    static final String BEAN = "taskExecutor";

    @Bean(BEAN)
    ThreadPoolTaskExecutor taskExecutor(@Value("${freezedesk.listeners.threads:4}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix("module-listener-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
