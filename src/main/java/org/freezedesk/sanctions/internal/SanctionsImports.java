package org.freezedesk.sanctions.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.sanctions.SanctionsList;
import org.freezedesk.sanctions.SanctionsListImported;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports an SDN list: read and checked whole first, then put in force in one transaction, replacing the previous
 * list entirely, audited with its date and counts. A file identical to the list in force changes nothing. Once the new
 * list has committed, {@link SanctionsListImported} makes the cases module screen every open case against it.
 */
@Service
class SanctionsImports {

    /** What an import did: the list in force afterwards, and whether it replaced another. */
    record Result(SanctionsList list, boolean changed, int addressesOnSupportedChains, Map<String, Long> addressesPerCurrency) {
    }

    private final SdnParser parser;
    private final SanctionsRepository repository;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final long maxBytes;

    SanctionsImports(SdnParser parser, SanctionsRepository repository, AuditLog audit, ApplicationEventPublisher events,
            TransactionTemplate transaction, @Value("${freezedesk.sanctions.max-bytes:67108864}") long maxBytes) {
        this.parser = parser;
        this.repository = repository;
        this.audit = audit;
        this.events = events;
        this.transaction = transaction;
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * {@code file} must already be bounded by the caller ({@link org.freezedesk.input.BoundedBody#limited});
     * {@code importedBy} is the admin who uploaded it, or null for the scheduled download, which the engine's identity records.
     */
    Result importList(InputStream file, String source, String importedBy) throws IOException {
        ParsedSdnList parsed = parser.parse(file);
        return transaction.execute(status -> store(parsed, source, importedBy));
    }

    /** The scheduled download failed: the list in force stays, and the record says why. */
    void recordFailure(String source, String reason) {
        transaction.executeWithoutResult(status -> audit.record(Actor.ENGINE, "SANCTIONS_LIST_IMPORT_FAILED", "sanctions_list", source,
                null, null, reason.length() > 1000 ? reason.substring(0, 1000) + "…" : reason));
    }

    private Result store(ParsedSdnList parsed, String source, String importedBy) {
        repository.lockCurrent();
        Map<String, Long> perCurrency = parsed.addresses().stream()
                .collect(Collectors.groupingBy(SdnAddress::currency, TreeMap::new, Collectors.counting()));
        int supported = (int) parsed.addresses().stream().filter(a -> a.matchKey() != null).count();
        Optional<SanctionsList> current = repository.currentList();
        if (current.isPresent() && current.get().fileSha256().equals(parsed.sha256())) {
            return new Result(current.get(), false, supported, perCurrency);
        }
        long listId = repository.insertList(source, parsed.publishDate(), parsed.sha256(), parsed.entryCount(), parsed.addresses().size(),
                importedBy == null ? Actor.ENGINE.name() : importedBy, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
        repository.replaceAddresses(listId, parsed.addresses());
        SanctionsList list = repository.currentList().orElseThrow();
        String after = "SDN list of " + list.dateText() + " from " + source + " (SHA-256 " + parsed.sha256() + "): " + parsed.entryCount()
                + " entries, " + parsed.addresses().size() + " digital-currency addresses, " + supported + " of them on chains FreezeDesk screens";
        String before = current.map(c -> "SDN list of " + c.dateText() + ": " + c.addressCount() + " digital-currency addresses").orElse(null);
        if (importedBy == null) {
            audit.record(Actor.ENGINE, "SANCTIONS_LIST_IMPORTED", "sanctions_list", listId, null, before, after);
        } else {
            audit.record("SANCTIONS_LIST_IMPORTED", "sanctions_list", listId, null, before, after);
        }
        events.publishEvent(new SanctionsListImported(listId, list.publishDate(), list.addressCount()));
        return new Result(list, true, supported, perCurrency);
    }
}
