package org.freezedesk.auditing.internal;

/** Which entries of a timeline to show; a null part shows all. */
public record TimelineFilter(String actor, EntryKind kind) {

    public TimelineFilter {
        actor = actor == null || actor.isBlank() ? null : actor;
    }

    boolean matches(TimelineEntry entry) {
        return (actor == null || actor.equals(entry.actor())) && (kind == null || kind == entry.kind());
    }

    boolean includesChanges() {
        return kind == null || kind == EntryKind.CHANGE;
    }
}
