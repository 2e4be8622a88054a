package org.freezedesk.cases.internal;

import java.time.OffsetDateTime;

/**
 * A CSV file of targets uploaded by {@code owner}, for a new case ({@code caseId} null) or for the amendment of
 * request {@code requestSequence} of a case. Kept in the database, so that any node can show its progress and
 * preview.
 */
public record TargetImport(String id, String owner, Long caseId, Integer requestSequence, String fileName, String fileSha256,
        ImportState state, int totalLines, int checkedLines, int errorLines, int warningLines, String failure, String draft,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public int validLines() {
        return totalLines - errorLines;
    }

    public boolean checking() {
        return state == ImportState.CHECKING;
    }

    /** Ready, without an error line: it can become a request's targets. */
    public boolean usable() {
        return state == ImportState.READY && errorLines == 0 && totalLines > 0;
    }

    public int percentChecked() {
        return totalLines == 0 ? 100 : (int) (100L * checkedLines / totalLines);
    }
}
