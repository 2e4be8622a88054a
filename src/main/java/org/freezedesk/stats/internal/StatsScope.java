package org.freezedesk.stats.internal;

import java.util.List;

/** Which cases figures cover: every case, or the listed ones. */
record StatsScope(List<Long> caseIds) {

    static final StatsScope ALL = new StatsScope(null);

    static StatsScope of(List<Long> caseIds) {
        return new StatsScope(List.copyOf(caseIds));
    }

    boolean all() {
        return caseIds == null;
    }
}
