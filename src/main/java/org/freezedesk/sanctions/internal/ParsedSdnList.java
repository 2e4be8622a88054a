package org.freezedesk.sanctions.internal;

import java.time.LocalDate;
import java.util.List;

/** An SDN file as read: its publication date, how many entries it had, their digital-currency addresses and its SHA-256. */
record ParsedSdnList(LocalDate publishDate, int entryCount, List<SdnAddress> addresses, String sha256) {
}
