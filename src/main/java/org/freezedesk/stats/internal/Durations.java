package org.freezedesk.stats.internal;

import java.time.Duration;

/** Durations as people read them on the dashboard: "2d 3h", "1h 30m", "45m", "20s". */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        if (duration == null) {
            return "—";
        }
        long seconds = duration.toSeconds();
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m";
        }
        return seconds + "s";
    }
}
