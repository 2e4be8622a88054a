package org.freezedesk.auditing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import org.freezedesk.audit.AuditConstants;
import org.freezedesk.audit.AuditRepository;
import org.freezedesk.audit.TimelinePosition;
import org.springframework.stereotype.Service;

/**
 * A case's audit events merged with the engine's history. Events come from the database a page at a
 * time, cut at a position (keyset), so page 50 of a long case costs what page 1 does; the engine's
 * entries for one case are few and are merged in memory.
 */
@Service
public class Timeline {

    /** Which way to page from a position: the entries after it, or those before it. */
    public enum Direction { AFTER, BEFORE }

    private final AuditRepository repository;
    private final EngineHistory engineHistory;

    Timeline(AuditRepository repository, EngineHistory engineHistory) {
        this.repository = repository;
        this.engineHistory = engineHistory;
    }

    /**
     * The page next to {@code position} in {@code direction}; without a position, the first page
     * (AFTER) or the last one (BEFORE).
     */
    public TimelinePage page(String caseReference, TimelineFilter filter, Direction direction, String position) {
        TimelinePosition from = position == null ? null : TimelinePosition.parse(position);
        boolean forward = direction == Direction.AFTER;
        int size = AuditConstants.TIMELINE_PAGE_SIZE;
        List<TimelineEntry> allEngine = engineHistory.entries(caseReference);
        List<TimelineEntry> engine = allEngine.stream().filter(filter::matches).toList();

        List<TimelineEntry> changes = filter.includesChanges()
                ? repository.page(caseReference, filter.actor(), from, forward, size).stream().map(TimelineEntry::of).toList()
                : List.of();
        List<TimelineEntry> engineSide = new ArrayList<>(engine.stream()
                .filter(e -> from == null || (forward ? e.position().compareTo(from) > 0 : e.position().compareTo(from) < 0))
                .toList());
        if (!forward) {
            Collections.reverse(engineSide);
        }
        List<TimelineEntry> entries = merge(changes, engineSide, forward, size);
        if (!forward) {
            Collections.reverse(entries);
        }

        long total = (filter.includesChanges() ? repository.count(caseReference, filter.actor()) : 0) + engine.size();
        long before = entries.isEmpty() ? 0 : countBefore(caseReference, filter, engine, entries.get(0).position());
        long firstNumber = entries.isEmpty() ? 0 : before + 1;
        String previous = before > 0 ? entries.get(0).position().token() : null;
        String next = before + entries.size() < total ? entries.get(entries.size() - 1).position().token() : null;
        return new TimelinePage(entries, total, firstNumber, previous, next, actors(caseReference, allEngine));
    }

    /** The whole timeline, for exports. */
    public List<TimelineEntry> all(String caseReference) {
        List<TimelineEntry> changes = repository.forCase(caseReference).stream().map(TimelineEntry::of).toList();
        return merge(changes, engineHistory.entries(caseReference), true, Integer.MAX_VALUE);
    }

    private long countBefore(String caseReference, TimelineFilter filter, List<TimelineEntry> engine, TimelinePosition position) {
        long changes = filter.includesChanges() ? repository.countBefore(caseReference, filter.actor(), position) : 0;
        return changes + engine.stream().filter(e -> e.position().compareTo(position) < 0).count();
    }

    private List<String> actors(String caseReference, List<TimelineEntry> engine) {
        TreeSet<String> actors = new TreeSet<>(repository.actors(caseReference));
        engine.forEach(e -> actors.add(e.actor()));
        return List.copyOf(actors);
    }

    /** Merges two lists sorted the same way (ascending when {@code ascending}) and keeps the first {@code limit}. */
    private static List<TimelineEntry> merge(List<TimelineEntry> a, List<TimelineEntry> b, boolean ascending, int limit) {
        List<TimelineEntry> merged = new ArrayList<>(Math.min(limit, a.size() + b.size()));
        int i = 0;
        int j = 0;
        while (merged.size() < limit && (i < a.size() || j < b.size())) {
            boolean takeA;
            if (i == a.size()) {
                takeA = false;
            } else if (j == b.size()) {
                takeA = true;
            } else {
                int order = a.get(i).position().compareTo(b.get(j).position());
                takeA = ascending ? order <= 0 : order >= 0;
            }
            merged.add(takeA ? a.get(i++) : b.get(j++));
        }
        return merged;
    }
}
