package org.freezedesk.cases.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A CSV file of targets uploaded by {@code owner}, for a new case ({@code caseId} null) or for the amendment of
 * request {@code requestSequence} of a case. Kept in the database, so that any node can show its progress and
 * preview.
 */
public record TargetImport(String id, String owner, Long caseId, Integer requestSequence, String fileName, String fileSha256,
        ImportState state, int totalLines, int checkedLines, int errorLines, int warningLines, String failure, String draft,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    /** A check that has not moved for this long died with its node; it is shown as failed. */
    static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    public int validLines() {
        return totalLines - errorLines;
    }

    public boolean checking() {
        return state == ImportState.CHECKING && !stalled();
    }

    public boolean stalled() {
        return state == ImportState.CHECKING && updatedAt.isBefore(OffsetDateTime.now().minus(STALLED_AFTER));
    }

    /** Ready, without an error line: it can become a request's targets. */
    public boolean usable() {
        return state == ImportState.READY && errorLines == 0 && totalLines > 0;
    }

    public int percentChecked() {
        return totalLines == 0 ? 100 : (int) (100L * checkedLines / totalLines);
    }
}
