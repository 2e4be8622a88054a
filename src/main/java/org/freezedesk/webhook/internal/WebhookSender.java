package org.freezedesk.webhook.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the deliveries that are due, on whichever node claims each first: one delivery per transaction, its row locked
 * while the receiver answers, so two nodes never send it together and a node that dies mid-send leaves it due for the
 * next. 2xx is delivered; anything else (another status, a refused connection, a timeout) is retried after the
 * configured delays with the same {@code webhook-id} and body, freshly signed, until the delivery is {@code max-age}
 * old. Redirects are not followed: a receiver that moved must be subscribed anew. Each poll runs several senders side
 * by side, so a receiver that takes its full timeout holds up one of them, not every other subscriber.
 */
@Component
public class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final TransactionTemplate ownTransaction;
    private final HttpClient http;
    private final boolean pollerEnabled;
    private final int batchSize;
    private final List<Duration> retryDelays;
    private final Duration maxAge;
    private final Duration readTimeout;
    private final int senders;
    private final ExecutorService workers;

    WebhookSender(DeliveryRepository deliveries, SubscriptionRepository subscriptions, PlatformTransactionManager transactionManager,
            @Value("${freezedesk.webhooks.poller.enabled}") boolean pollerEnabled,
            @Value("${freezedesk.webhooks.batch-size}") int batchSize,
            @Value("${freezedesk.webhooks.senders}") int senders,
            @Value("${freezedesk.webhooks.retry-delays}") List<Duration> retryDelays,
            @Value("${freezedesk.webhooks.max-age}") Duration maxAge,
            @Value("${freezedesk.webhooks.connect-timeout}") Duration connectTimeout,
            @Value("${freezedesk.webhooks.read-timeout}") Duration readTimeout) {
        if (retryDelays.isEmpty()) {
            throw new IllegalArgumentException("freezedesk.webhooks.retry-delays needs at least one delay");
        }
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.pollerEnabled = pollerEnabled;
        this.batchSize = batchSize;
        this.retryDelays = List.copyOf(retryDelays);
        this.maxAge = maxAge;
        this.readTimeout = readTimeout;
        this.senders = senders;
        this.workers = Executors.newFixedThreadPool(senders, runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(fixedDelayString = "${freezedesk.webhooks.poll-interval}", initialDelayString = "${freezedesk.webhooks.poll-interval}")
    void poll() {
        if (!pollerEnabled) {
            return;
        }
        List<Future<Integer>> running = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            running.add(workers.submit(this::sendDue));
        }
        for (Future<Integer> sender : running) {
            try {
                sender.get();
            } catch (ExecutionException e) {
                log.warn("Webhook deliveries are left for the next poll: {}", e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends due deliveries until none is left or a batch is done; returns how many it tried. */
    public int sendDue() {
        int tried = 0;
        while (tried < batchSize && attempt()) {
            tried++;
        }
        return tried;
    }

    private boolean attempt() {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            OffsetDateTime now = WebhookDispatcher.now();
            Optional<WebhookDelivery> due = deliveries.lockDue(now);
            if (due.isEmpty()) {
                return false;
            }
            WebhookDelivery delivery = due.get();
            Optional<WebhookSubscription> subscription = subscriptions.find(delivery.subscriptionId());
            if (subscription.isEmpty() || !subscription.get().active()) {
                deliveries.markAttemptFailed(delivery.id(), DeliveryState.FAILED, null, "The subscription is no longer active", now);
                return true;
            }
            Integer statusCode = null;
            String error;
            try {
                statusCode = post(subscription.get(), delivery);
                if (statusCode >= 200 && statusCode < 300) {
                    deliveries.markDelivered(delivery.id(), statusCode, WebhookDispatcher.now());
                    return true;
                }
                error = "The receiver answered " + statusCode;
            } catch (IOException e) {
                error = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = e.toString();
            }
            retryOrGiveUp(delivery, statusCode, error, now);
            return true;
        }));
    }

    private void retryOrGiveUp(WebhookDelivery delivery, Integer statusCode, String error, OffsetDateTime now) {
        int attempts = delivery.attempts() + 1;
        OffsetDateTime next = now.plus(retryDelays.get(Math.min(attempts, retryDelays.size()) - 1));
        boolean givenUp = next.isAfter(delivery.createdAt().plus(maxAge));
        deliveries.markAttemptFailed(delivery.id(), givenUp ? DeliveryState.FAILED : DeliveryState.PENDING, statusCode, error, next);
        log.warn("Webhook {} ({}) failed attempt {}{}: {}", delivery.webhookId(), delivery.eventType(), attempts,
                givenUp ? ", given up" : ", next at " + next, error);
    }

    /** Only the status matters: the body is not read, so a receiver that answers slowly costs nothing after the headers. */
    private int post(WebhookSubscription subscription, WebhookDelivery delivery) throws IOException, InterruptedException {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscription.url()))
                .timeout(readTimeout)
                .header("content-type", "application/json")
                .header("webhook-id", delivery.webhookId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", WebhookSignature.sign(subscription.secret(), delivery.webhookId(), timestamp, delivery.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }
}
