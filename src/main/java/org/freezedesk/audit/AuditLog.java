package org.freezedesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Append-only, hash-chained record of every change. Callers record in the transaction of the change
 * itself, so an event exists exactly when its change does.
 * <p>
 * Events are chained when that transaction commits: the chain head row is locked just before the
 * commit rather than at the first {@code record}, so the lock that serialises every append in the
 * system is held for the few inserts only, never while the engine runs the rest of a transaction.
 * An event's time is when it was recorded, so it sorts among the engine's history where it happened;
 * two transactions running side by side may therefore chain their events in the other order.
 * <p>
 * Because every append waits for that lock, two timers tell how much it serialises: {@code freezedesk.audit.chain.wait},
 * how long a transaction waited for the head, and {@code freezedesk.audit.chain.held}, how long it held it, from taking
 * it to the end of its commit (Prometheus: {@code freezedesk_audit_chain_wait_seconds} and {@code ..._held_seconds}).
 */
@Component
public class AuditLog {

    /** A counterparty's access link is a bearer secret; no event may carry one, whatever a caller passes. */
    private static final Pattern PORTAL_TOKEN = Pattern.compile("/portal/[A-Za-z0-9_-]{43}");

    private record Pending(OffsetDateTime occurredAt, Actor actor, String clientAddress, String action, String objectType,
            String objectId, String caseReference, String before, String after) {
    }

    private final AuditRepository repository;
    private final AuditKey key;
    private final Timer waitedForHead;
    private final Timer heldHead;

    AuditLog(AuditRepository repository, AuditKey key, MeterRegistry meters) {
        this.repository = repository;
        this.key = key;
        this.waitedForHead = Timer.builder("freezedesk.audit.chain.wait").description("Waiting for the audit chain's head row lock")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.heldHead = Timer.builder("freezedesk.audit.chain.held")
                .description("Holding the audit chain's head row lock, to the end of the commit").publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Records a change by whoever is logged in, or by the engine when no one is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, String caseReference, String before, String after) {
        record(currentActor(), action, objectType, objectId, caseReference, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String objectType, Object objectId, String caseReference, String before, String after) {
        pendingOfThisTransaction().add(new Pending(Canonical.timestamp(OffsetDateTime.now(ZoneOffset.UTC)), actor,
                clientAddress().orElse(null), action, objectType, String.valueOf(objectId), caseReference, redact(before),
                redact(after)));
    }

    /** Every event of a case in time order. */
    public List<AuditEvent> forCase(String caseReference) {
        return repository.forCase(caseReference);
    }

    private List<Pending> pendingOfThisTransaction() {
        @SuppressWarnings("unchecked")
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> events = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(new AppendOnCommit(events));
            pending = events;
        }
        return pending;
    }

    /** Appends the transaction's events; a failure here rolls the change back with them. */
    private final class AppendOnCommit implements TransactionSynchronization {

        private final List<Pending> events;

        AppendOnCommit(List<Pending> events) {
            this.events = events;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            long lockedAt = append(events);
            if (lockedAt != 0) {
                TransactionSynchronizationManager.registerSynchronization(new HeadReleased(lockedAt));
            }
        }

        /** Last of a transaction's before-commit work, so nothing else runs while the chain head is locked. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(AuditLog.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(AuditLog.this, events);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(AuditLog.this);
        }
    }

    /** First of the work after the commit (mail sent, events), which runs without the lock, so it is not counted. */
    private final class HeadReleased implements TransactionSynchronization {

        private final long lockedAt;

        HeadReleased(long lockedAt) {
            this.lockedAt = lockedAt;
        }

        @Override
        public void afterCommit() {
            heldHead.record(System.nanoTime() - lockedAt, TimeUnit.NANOSECONDS);
        }

        @Override
        public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
                heldHead.record(System.nanoTime() - lockedAt, TimeUnit.NANOSECONDS);
            }
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Returns when the head was locked ({@link System#nanoTime()}), or 0 when there was nothing to append. */
    private long append(List<Pending> events) {
        if (events.isEmpty()) {
            return 0;
        }
        long asked = System.nanoTime();
        ChainHead head = repository.lockHead();
        long locked = System.nanoTime();
        waitedForHead.record(locked - asked, TimeUnit.NANOSECONDS);
        String prevHash = head.hash();
        Map<String, String> caseHeads = new HashMap<>();
        List<AuditEvent> sealed = new ArrayList<>(events.size());
        for (Pending p : events) {
            String casePrevHash = p.caseReference() == null ? null
                    : caseHeads.computeIfAbsent(p.caseReference(), repository::lastHashOfCase);
            AuditEvent unsealed = new AuditEvent(0, p.occurredAt(), p.actor().name(),
                    p.actor().role(), p.clientAddress(), p.action(), p.objectType(), p.objectId(), p.caseReference(), p.before(),
                    p.after(), prevHash, casePrevHash, null);
            String hash = key.seal(unsealed.canonical());
            sealed.add(unsealed.withHash(hash));
            prevHash = hash;
            if (p.caseReference() != null) {
                caseHeads.put(p.caseReference(), hash);
            }
        }
        repository.append(sealed);
        events.clear();
        return locked;
    }

    private static String redact(String value) {
        return value == null ? null : PORTAL_TOKEN.matcher(value).replaceAll("/portal/[redacted]");
    }

    private static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Actor.ENGINE;
        }
        String roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).sorted().reduce((a, b) -> a + "," + b).orElse("");
        return new Actor(auth.getName(), roles);
    }

    private static Optional<String> clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getRemoteAddr());
        }
        return Optional.empty();
    }
}
