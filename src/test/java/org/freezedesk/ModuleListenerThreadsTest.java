package org.freezedesk;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.freezedesk.sanctions.SanctionsListImported;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A burst of events whose listeners each open a transaction per item (a new SDN list screens every open request
 * again, each in a transaction of its own) runs to its end: the listeners cannot take every connection of the pool
 * and then wait for one more.
 */
@FreezeDeskTest
class ModuleListenerThreadsTest {

    private static final int EVENTS = 40;

    @Autowired ApplicationContext context;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    @Test
    void fortyNewSdnListsAtOnceAreEachScreenedAgainstEveryOpenRequest() {
        CaseStory story = new CaseStory(context);
        for (int i = 0; i < 3; i++) {
            story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"));
        }
        Instant since = Instant.now();

        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < EVENTS; i++) {
                events.publishEvent(new SanctionsListImported(i, LocalDate.of(2026, 11, 27), 0));
            }
        });

        await().atMost(Duration.ofSeconds(25)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND publication_date >= ?")
                .param(since.atOffset(ZoneOffset.UTC)).query(Long.class).single() == 0);
    }
}
