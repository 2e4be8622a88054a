package org.freezedesk.stats.internal;

import java.time.Duration;
import java.util.List;

/**
 * Percentiles of durations by linear interpolation between closest ranks (the "inclusive" method of
 * spreadsheets): the median of 10, 20, 30 and 40 minutes is 25 minutes, their 90th percentile 37 minutes.
 * Whole-second arithmetic only, so the same samples always give the same figure.
 */
final class Percentiles {

    private Percentiles() {
    }

    /** {@code percent} of the sorted {@code samples}; null without samples. */
    static Duration of(List<Duration> samples, int percent) {
        if (samples.isEmpty()) {
            return null;
        }
        List<Long> sorted = samples.stream().map(Duration::toSeconds).sorted().toList();
        long rank = (long) percent * (sorted.size() - 1);
        int lower = (int) (rank / 100);
        long fraction = rank % 100;
        long value = sorted.get(lower);
        if (fraction > 0) {
            value += (sorted.get(lower + 1) - value) * fraction / 100;
        }
        return Duration.ofSeconds(value);
    }
}
