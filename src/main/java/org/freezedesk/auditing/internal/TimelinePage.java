package org.freezedesk.auditing.internal;

import java.util.List;

/**
 * One page of a case's timeline. {@code firstNumber} is the 1-based place of its first entry among
 * {@code total}; {@code previous} and {@code next} are the positions to page from, null at either end.
 */
public record TimelinePage(List<TimelineEntry> entries, long total, long firstNumber, String previous, String next,
        List<String> actors) {

    public long lastNumber() {
        return entries.isEmpty() ? 0 : firstNumber + entries.size() - 1;
    }
}
