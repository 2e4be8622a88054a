package org.freezedesk.portal.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts, per client address, look-ups that found nothing: links that do not open and verification codes that
 * do not match. Past the limit within the window the address gets no more answers until old failures age out,
 * which makes guessing hopeless. Kept in memory per node: a restart or another node starts afresh, which only
 * ever lets a guesser start a new window, never open anything.
 */
@Component
class FailedLookups {

    /** Addresses are forgotten once this many are tracked and their failures have aged out. */
    private static final int SWEEP_ABOVE = 10_000;

    private final int limit;
    private final long windowMillis;
    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();

    FailedLookups(@Value("${freezedesk.portal.failed-lookups.limit}") int limit,
            @Value("${freezedesk.portal.failed-lookups.window}") Duration window) {
        this.limit = limit;
        this.windowMillis = window.toMillis();
    }

    boolean blocked(String client) {
        Deque<Long> times = failures.get(client);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            dropExpired(times, System.currentTimeMillis());
            return times.size() >= limit;
        }
    }

    void record(String client) {
        long now = System.currentTimeMillis();
        Deque<Long> times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            dropExpired(times, now);
            times.addLast(now);
            if (times.size() > limit) {
                times.removeFirst();
            }
        }
        if (failures.size() > SWEEP_ABOVE) {
            failures.entrySet().removeIf(entry -> {
                synchronized (entry.getValue()) {
                    dropExpired(entry.getValue(), now);
                    return entry.getValue().isEmpty();
                }
            });
        }
    }

    /** How long until {@code client} may try again. */
    Duration retryAfter(String client) {
        Deque<Long> times = failures.get(client);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            return times.isEmpty() ? Duration.ZERO
                    : Duration.ofMillis(Math.max(0, times.peekFirst() + windowMillis - System.currentTimeMillis()));
        }
    }

    private void dropExpired(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMillis) {
            times.removeFirst();
        }
    }
}
