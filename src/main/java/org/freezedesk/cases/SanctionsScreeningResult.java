package org.freezedesk.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A request's targets screened against the OFAC SDN list: the list's date and when it was screened (both null when
 * no list had been imported then), and its hits, one per target and SDN entry.
 */
public record SanctionsScreeningResult(LocalDate listDate, OffsetDateTime screenedAt, List<Hit> hits) {

    /** A target whose address an SDN entry lists: the entry's name, programmes (such as DPRK3, CYBER2) and listed currency. */
    public record Hit(long targetId, int line, String chain, String asset, String address, String entryUid, String entryName,
            String programmes, String currency) {

        public String describe() {
            return "line " + line + " " + chain + " " + address + ": " + entryName + " (" + programmes + "; listed under " + currency + ")";
        }
    }

    public boolean screened() {
        return screenedAt != null;
    }

    /** The list's date as shown beside every screening result. */
    public String listDateText() {
        return listDate == null ? (screened() ? "an undated SDN list" : null) : listDate.toString();
    }
}
