package org.freezedesk.mail.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.freezedesk.mail.Mailer;
import org.freezedesk.mail.Mailer.RenderedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds, in two ways.
 *
 * <p>A message stored in a transaction is stored already leased to the node that stores it: not due before the
 * lease ends ({@code freezedesk.outbox.lease}), so no poller takes it meanwhile. Right after the commit, this node
 * sends it from the copy it still holds, with no read, lock or transaction before the send, and queues it to be
 * marked sent; one flusher marks everything queued in one transaction every {@code sent-flush-interval} (or once
 * {@code sent-flush-size} are queued, and at shutdown). Why: a case mails five times, and a transaction of its own
 * per message (lock, send, mark) was an eighth of the case's write transactions. A failed attempt is recorded by the
 * flusher too, so that the committing thread, whose connection stays bound until its after-commit work ends, never
 * waits for a second one: with the SMTP server gone, every committing thread of the node failed at once and each held
 * a connection while it waited for another. If the node dies before it sent or flushed, the message stays
 * PENDING and falls due when the lease ends, and another node's poller sends it: at least once, with the same
 * Message-ID (a recipient may get a second copy, never none). The lease outlasts the SMTP session's timeouts
 * ({@link Mailer#longestAttempt()}, checked at start), so in normal operation two nodes never send one message.
 *
 * <p>Everything else is sent by every node's poller, each due message in a transaction of its own that keeps its
 * row locked while the SMTP server takes it ({@code FOR UPDATE SKIP LOCKED}), so two nodes never send it at once
 * and a node that dies mid-send leaves it due at once: messages stored outside a transaction, those a lease ran
 * out on, retries, and an operator's retry. A failed attempt backs off, doubling, and after the last one the
 * message is FAILED on the admin Mail page, where an operator retries it.
 *
 * <p>A poller with row locks and leases rather than an engine job: webhooks will use the same table from modules
 * with no process, a lock held by a live connection frees the moment its node dies (an engine job would wait for
 * its lock time), and the engine's clock still drives both, so tests move time as they do for timers.
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
    private final Duration lease;
    private final Duration flushInterval;
    private final int flushSize;
    /** Sent by this node, not marked yet: ids of messages still under this node's lease. */
    private final BlockingQueue<Long> sent = new LinkedBlockingQueue<>();
    /** Sent by this node and refused or not taken, not recorded yet. */
    private final ConcurrentLinkedQueue<FailedSend> failed = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    /** One thread, so that one flush at a time writes. */
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "outbox-flusher");
        thread.setDaemon(true);
        return thread;
    });

    OutboxSender(OutboxRepository outbox, Mailer mailer, PlatformTransactionManager transactionManager,
            @Value("${freezedesk.outbox.poller.enabled}") boolean pollerEnabled,
            @Value("${freezedesk.outbox.batch-size}") int batchSize,
            @Value("${freezedesk.outbox.max-attempts}") int maxAttempts,
            @Value("${freezedesk.outbox.first-retry-after}") Duration firstRetryAfter,
            @Value("${freezedesk.outbox.max-retry-after}") Duration maxRetryAfter,
            @Value("${freezedesk.outbox.lease}") Duration lease,
            @Value("${freezedesk.outbox.sent-flush-interval}") Duration flushInterval,
            @Value("${freezedesk.outbox.sent-flush-size}") int flushSize) {
        Duration longestAttempt = mailer.longestAttempt();
        if (lease.compareTo(longestAttempt) <= 0) {
            throw new IllegalStateException("freezedesk.outbox.lease (" + lease + ") must be longer than the SMTP timeouts together ("
                    + longestAttempt + "), or another node may send a message this one is still sending");
        }
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
        this.lease = lease;
        this.flushInterval = flushInterval;
        this.flushSize = flushSize;
    }

    @PostConstruct
    void startFlusher() {
        flusher.scheduleWithFixedDelay(this::flushQueued, flushInterval.toMillis(), flushInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Marks what is queued before the database goes away; a send finishing later marks its message itself. */
    @PreDestroy
    void stopFlusher() throws InterruptedException {
        flusher.shutdown();
        flusher.awaitTermination(10, TimeUnit.SECONDS);
        flushQueued();
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

    /** When a message this node stores now may be taken by another node: the end of this node's lease on it. */
    public OffsetDateTime leaseEnd(OffsetDateTime storedAt) {
        return storedAt.plus(lease);
    }

    /**
     * Sends a message this node stored under a lease ending at {@code leaseEnd}, from the copy given, and queues it
     * to be marked sent; never throws, a failure is stored. Once the lease is over, it is any node's again.
     */
    public void sendLeased(long id, String messageId, RenderedMail mail, OffsetDateTime leaseEnd) {
        if (!now().isBefore(leaseEnd)) {
            sendNow(id);
            return;
        }
        try {
            mailer.send(messageId, mail);
        } catch (RuntimeException e) {
            failed.add(new FailedSend(id, messageId, e));
            requestFlush();
            return;
        }
        sent.add(id);
        if (flusher.isShutdown() || sent.size() >= flushSize && flushRequested.compareAndSet(false, true)) {
            requestFlush();
        }
    }

    /** Marks sent, in one transaction per {@code sent-flush-size}, what this node sent and has not marked yet; returns once done. */
    public void flushSent() {
        try {
            flusher.submit(this::flushQueued).get();
        } catch (RejectedExecutionException shutDown) {
            flushQueued();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void requestFlush() {
        try {
            flusher.execute(this::flushQueued);
        } catch (RejectedExecutionException shutDown) {
            flushQueued();
        }
    }

    private void flushQueued() {
        flushRequested.set(false);
        for (FailedSend failure = failed.poll(); failure != null; failure = failed.poll()) {
            FailedSend send = failure;
            try {
                ownTransaction.executeWithoutResult(status -> recordFailure(send.id(), send.messageId(), 0, send.error()));
            } catch (RuntimeException e) {
                log.warn("Outbox message {} is left for the poller once its lease ends: {}", send.id(), e.toString());
            }
        }
        List<Long> ids = new ArrayList<>(flushSize);
        while (sent.drainTo(ids, flushSize) > 0) {
            try {
                ownTransaction.executeWithoutResult(status -> outbox.markSent(ids, now()));
            } catch (RuntimeException e) {
                // Still PENDING in the database: marked at the next flush, or sent again by a poller once their lease ends.
                sent.addAll(ids);
                log.warn("Could not mark {} sent outbox messages, trying again at the next flush: {}", ids.size(), e.toString());
                return;
            }
            ids.clear();
        }
    }

    private boolean attempt(Long id) {
        return Boolean.TRUE.equals(ownTransaction.execute(status -> {
            Optional<OutboxMessage> due = outbox.lockDue(id, now());
            if (due.isEmpty()) {
                return false;
            }
            OutboxMessage message = due.get();
            try {
                mailer.send(message.messageId(), message.mail());
                outbox.markSent(List.of(message.id()), now());
            } catch (RuntimeException e) {
                recordFailure(message.id(), message.messageId(), message.attempts(), e);
            }
            return true;
        }));
    }

    private void recordFailure(long id, String messageId, int attemptsBefore, RuntimeException e) {
        int attempts = attemptsBefore + 1;
        boolean givenUp = attempts >= maxAttempts;
        outbox.markAttemptFailed(id, givenUp ? OutboxState.FAILED : OutboxState.PENDING, now().plus(backOff(attempts)), e.toString());
        log.warn("Outbox message {} ({}) failed attempt {} of {}{}: {}", id, messageId, attempts, maxAttempts,
                givenUp ? ", given up until an operator retries it" : "", e.toString());
    }

    private record FailedSend(long id, String messageId, RuntimeException error) {
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
