package org.freezedesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.freezedesk.webhook.WebhookDeliveryTest.counterpartyClient;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.freezedesk.webhook.WebhookReceiver.Received;
import org.freezedesk.webhook.internal.WebhookSender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * On PostgreSQL, with its own database: the node's own poller and four more senders working at once (as other nodes'
 * pollers would) claim deliveries with {@code FOR UPDATE SKIP LOCKED}, so every delivery reaches its receiver exactly once.
 */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false",
        "freezedesk.webhooks.poller.enabled=true", "freezedesk.webhooks.poll-interval=PT0.2S"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
class WebhookDeliveryIT {

    private static final int SUBSCRIPTIONS = 12;
    private static final int SENDERS = 4;

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.newDatabase().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired WebhookSender sender;

    @Test
    void sendersWorkingAtOnceDeliverEachDeliveryExactlyOnce() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            RequestPostProcessor agency = user(story.staff("agency"));
            RequestPostProcessor tether = counterpartyClient(story.counterparty("Tether"));
            for (int i = 0; i < SUBSCRIPTIONS; i++) {
                subscribe(i % 3 == 0 ? tether : agency, receiver.url("/s" + i));
            }
            receiver.delay(100);
            Instant start = Instant.now();
            String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
            story.approve(reference);
            story.acknowledge(reference, "Tether");
            story.awaitListenersOfEventsSince(start);
            long deliveries = jdbc.sql("SELECT COUNT(*) FROM webhook_delivery").query(Long.class).single();
            long tethers = SUBSCRIPTIONS / 3;
            // The agency's subscriptions hear all three events, Tether's the two about its own request.
            assertThat(deliveries).isEqualTo((SUBSCRIPTIONS - tethers) * 3 + tethers * 2);

            ExecutorService nodes = Executors.newFixedThreadPool(SENDERS);
            List<Callable<Integer>> pollers = new ArrayList<>();
            for (int i = 0; i < SENDERS; i++) {
                pollers.add(sender::sendDue);
            }
            for (Future<Integer> done : nodes.invokeAll(pollers)) {
                done.get();
            }
            nodes.shutdown();
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE state = 'PENDING'")
                    .query(Long.class).single() == 0);

            Map<String, Long> perId = receiver.received.stream().collect(Collectors.groupingBy(Received::id, Collectors.counting()));
            assertThat(perId).hasSize((int) deliveries);
            assertThat(perId.values()).as("no delivery sent twice").allMatch(count -> count == 1);
            assertThat(jdbc.sql("SELECT state, COUNT(*) FROM webhook_delivery GROUP BY state")
                    .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
                    .isEqualTo(Map.of("DELIVERED", deliveries));
            assertThat(receiver.received.stream().map(Received::path).distinct().count()).as("every subscription heard")
                    .isEqualTo(SUBSCRIPTIONS);
        }
    }

    private void subscribe(RequestPostProcessor caller, String url) throws Exception {
        assertThat(mvc.perform(post("/api/v1/webhooks").with(caller).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\": \"" + url + "\", \"eventTypes\": [\"request.approved\", \"counterparty.notified\", "
                        + "\"counterparty.acknowledged\"]}")).andReturn().getResponse().getStatus()).isEqualTo(201);
    }
}
