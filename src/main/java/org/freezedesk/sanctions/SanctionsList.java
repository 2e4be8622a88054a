package org.freezedesk.sanctions;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One imported OFAC SDN list: its own publication date (the "list date" shown beside every screening result), how
 * many entries and digital-currency addresses it held, and where it came from.
 */
public record SanctionsList(long id, String source, LocalDate publishDate, String fileSha256, int entryCount, int addressCount,
        String importedBy, OffsetDateTime importedAt) {

    /** The list's date as people read it; an SDN file without a publication date is named by the day it was imported. */
    public String dateText() {
        return publishDate != null ? publishDate.toString() : "undated, imported " + importedAt.toLocalDate();
    }
}
