package org.freezedesk;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs again the {@code @ApplicationModuleListener}s whose event is still owed after a while: the listener failed (the
 * database went away, a lock timed out) or its node died before it ran. Spring Modulith keeps such a publication but
 * runs it again only when asked. Every listener is written to be run twice, so a publication another node is about to
 * run costs only that; the wait is far longer than any listener's queue so that it rarely happens.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ModuleListenerRetries {

    private final IncompleteEventPublications publications;
    private final Duration retryAfter;

    ModuleListenerRetries(IncompleteEventPublications publications,
            @Value("${freezedesk.listeners.retry-after:PT10M}") Duration retryAfter) {
        this.publications = publications;
        this.retryAfter = retryAfter;
    }

    @Scheduled(fixedDelayString = "${freezedesk.listeners.retry-interval:PT1M}",
            initialDelayString = "${freezedesk.listeners.retry-interval:PT1M}")
    void retryOwedEvents() {
        publications.resubmitIncompletePublicationsOlderThan(retryAfter);
    }
}
