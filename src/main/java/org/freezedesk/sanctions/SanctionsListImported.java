package org.freezedesk.sanctions;

import java.time.LocalDate;

/** A new SDN list is in force; published after its import committed, so that open cases are screened against it. */
public record SanctionsListImported(long listId, LocalDate publishDate, int addressCount) {
}
