package org.freezedesk.recovery.internal;

import java.util.List;

/** Something in the case still waits; the reasons are written for the agency. */
class CaseNotClosableException extends RuntimeException {

    private final List<String> obstacles;

    CaseNotClosableException(List<String> obstacles) {
        super(String.join(" ", obstacles));
        this.obstacles = List.copyOf(obstacles);
    }

    List<String> obstacles() {
        return obstacles;
    }
}
