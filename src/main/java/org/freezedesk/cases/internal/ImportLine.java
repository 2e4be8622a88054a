package org.freezedesk.cases.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.freezedesk.directory.Route;

/**
 * One line of an import as its preview shows it: the values (normalized when valid, as typed otherwise), what
 * is wrong or worth a second look, and where the target will be routed.
 */
public record ImportLine(int lineNumber, boolean valid, String chain, String asset, String address, String amountText,
        String txHashes, String note, List<Problem> problems, List<Route> routes) {

    public enum Severity {
        /** The line cannot be filed as it is. */
        ERROR,
        /** Filed all the same, but worth a look, such as a target already requested in the case. */
        WARNING
    }

    /** {@code column} is the CSV column name, or null when the problem concerns the whole line. */
    @Schema(name = "ImportLineProblem")
    public record Problem(int lineNumber, String column, Severity severity, String message) {
    }

    public boolean unattributed() {
        return valid && routes.isEmpty();
    }
}
