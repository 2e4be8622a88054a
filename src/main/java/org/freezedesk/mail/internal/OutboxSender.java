package org.freezedesk.mail.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.freezedesk.mail.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds: each message in a transaction of its own that keeps the message's row locked
 * while the SMTP server takes it, so two nodes never send one message at the same time, and a node that dies
 * mid-send leaves it due for the next. A message is tried right after the transaction that stored it commits,
 * and otherwise by every node's poller; a failed attempt backs off, doubling, and after the last one the
 * message is FAILED on the admin Mail page, where an operator retries it.
 *
 * <p>A poller with row locks rather than an engine job: webhooks will use the same table from modules with no
 * process, a lock held by a live connection frees the moment its node dies (an engine job would wait for its
 * lock time), and the engine's clock still drives it, so tests move time as they do for timers.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final OutboxRepository outbox;
    private final Mailer mailer;
    private final TransactionTemplate ownTransaction;
    private final boolean pollerEnabled;
    private final int batchSize;
    private final int maxAttempts;
    private final Duration firstRetryAfter;
    private final Duration maxRetryAfter;

    OutboxSender(OutboxRepository outbox, Mailer mailer, PlatformTransactionManager transactionManager,
            @Value("${freezedesk.outbox.poller.enabled}") boolean pollerEnabled,
            @Value("${freezedesk.outbox.batch-size}") int batchSize,
            @Value("${freezedesk.outbox.max-attempts}") int maxAttempts,
            @Value("${freezedesk.outbox.first-retry-after}") Duration firstRetryAfter,
            @Value("${freezedesk.outbox.max-retry-after}") Duration maxRetryAfter) {
        this.outbox = outbox;
        this.mailer = mailer;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        // The transaction that stored a message may still be bound to the thread (after-commit callbacks run inside it).
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.pollerEnabled = pollerEnabled;
        this.batchSize = batchSize;
        this.maxAttempts = maxAttempts;
        this.firstRetryAfter = firstRetryAfter;
        this.maxRetryAfter = maxRetryAfter;
    }

    @Scheduled(fixedDelayString = "${freezedesk.outbox.poll-interval}", initialDelayString = "${freezedesk.outbox.poll-interval}")
    void poll() {
        if (pollerEnabled) {
            sendDue();
        }
    }

    /** Sends due messages until none is left or a batch is done; returns how many it tried. */
    public int sendDue() {
        int tried = 0;
        while (tried < batchSize && attempt(null)) {
            tried++;
        }
        return tried;
    }

    /** Tries one message now if it is due and no other node is sending it; never throws, a failure is stored. */
    public void sendNow(long id) {
        try {
            attempt(id);
        } catch (RuntimeException e) {
            log.warn("Outbox message {} is left for the poller: {}", id, e.toString());
        }
    }

    private boolean attempt(Long id) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            OffsetDateTime now = now();
            Optional<OutboxMessage> due = outbox.lockDue(id, now);
            if (due.isEmpty()) {
                return false;
            }
            OutboxMessage message = due.get();
            try {
                mailer.send(message.messageId(), message.mail());
                outbox.markSent(message.id(), now());
            } catch (RuntimeException e) {
                int attempts = message.attempts() + 1;
                boolean givenUp = attempts >= maxAttempts;
                outbox.markAttemptFailed(message.id(), givenUp ? OutboxState.FAILED : OutboxState.PENDING,
                        now.plus(backOff(attempts)), e.toString());
                log.warn("Outbox message {} ({}) failed attempt {} of {}{}: {}", message.id(), message.messageId(), attempts, maxAttempts,
                        givenUp ? ", given up until an operator retries it" : "", e.toString());
            }
            return true;
        }));
    }

    /** firstRetryAfter, doubling with every further failure, never longer than maxRetryAfter. */
    Duration backOff(int attempts) {
        Duration delay = firstRetryAfter;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryAfter) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : delay;
    }

    /** The engine's clock, which tests move to make retries due without waiting. */
    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }
}
