package org.freezedesk.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Where an entry stands in a case's timeline: by time, then audit events before engine entries of the
 * same instant, then by id. Pages are cut at positions rather than offsets, so a page of a long case
 * costs the same as the first one. Its {@link #token()} is what the page links carry.
 */
public record TimelinePosition(OffsetDateTime at, boolean audit, String id) implements Comparable<TimelinePosition> {

    private static final Comparator<TimelinePosition> ORDER = Comparator.comparing(TimelinePosition::at)
            .thenComparing(p -> !p.audit())
            .thenComparing((a, b) -> a.audit() ? Long.compare(a.auditId(), b.auditId()) : a.id().compareTo(b.id()));

    public static TimelinePosition ofAudit(AuditEvent e) {
        return new TimelinePosition(e.occurredAt(), true, String.valueOf(e.id()));
    }

    public static TimelinePosition ofEngine(Instant at, String id) {
        return new TimelinePosition(at.atOffset(ZoneOffset.UTC), false, id);
    }

    long auditId() {
        return Long.parseLong(id);
    }

    public String token() {
        Instant instant = at.toInstant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        return micros + "." + (audit ? "a" : "e") + "." + id;
    }

    /** Reads a page link's position; anything else is refused rather than guessed. */
    public static TimelinePosition parse(String token) {
        String[] parts = token.split("\\.", 3);
        try {
            if (parts.length != 3 || !(parts[1].equals("a") || parts[1].equals("e")) || parts[2].isEmpty()) {
                throw new IllegalArgumentException();
            }
            OffsetDateTime at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            TimelinePosition position = new TimelinePosition(at, parts[1].equals("a"), parts[2]);
            if (position.audit()) {
                position.auditId();
            }
            return position;
        } catch (IllegalArgumentException e) {
            throw new InvalidPositionException(token);
        }
    }

    /** A page link that was not made by this application. */
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    static class InvalidPositionException extends IllegalArgumentException {
        InvalidPositionException(String token) {
            super("Not a timeline position: " + token);
        }
    }

    @Override
    public int compareTo(TimelinePosition other) {
        return ORDER.compare(this, other);
    }
}
