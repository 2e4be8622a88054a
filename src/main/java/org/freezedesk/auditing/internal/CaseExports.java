package org.freezedesk.auditing.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.freezedesk.audit.AuditConstants;
import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.AuditRepository;
import org.freezedesk.audit.Canonical;
import org.freezedesk.audit.ChainHead;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** A case's timeline as files: CSV to read in a spreadsheet, JSON to verify on its own. */
@Service
public class CaseExports {

    private static final List<String> CSV_HEADER = List.of("time_utc", "kind", "actor", "role", "client_address", "action",
            "object", "before", "after", "process_instance", "hash");

    private final AuditRepository repository;
    private final EngineHistory engineHistory;
    private final Timeline timeline;

    CaseExports(AuditRepository repository, EngineHistory engineHistory, Timeline timeline) {
        this.repository = repository;
        this.engineHistory = engineHistory;
        this.timeline = timeline;
    }

    /** One snapshot, so the chain head and the case's events belong together. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public CaseAuditExport json(String caseReference) {
        ChainHead head = repository.head();
        List<AuditEvent> events = repository.forCase(caseReference).stream()
                .sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
        String caseHead = events.isEmpty() ? AuditConstants.GENESIS_HASH : events.get(events.size() - 1).hash();
        return new CaseAuditExport(AuditConstants.EXPORT_FORMAT, caseReference, Canonical.format(OffsetDateTime.now(ZoneOffset.UTC)),
                AuditConstants.HASH_ALGORITHM, AuditConstants.CANONICALIZATION, head, caseHead,
                events.stream().map(CaseAuditExport.Event::of).toList(),
                engineHistory.entries(caseReference).stream().map(CaseAuditExport.EngineEntry::of).toList());
    }

    public void csv(String caseReference, Writer out) throws IOException {
        row(out, CSV_HEADER);
        for (TimelineEntry e : timeline.all(caseReference)) {
            row(out, Arrays.asList(Canonical.format(e.at()), e.kind().name(), e.actor(), e.role(), e.clientAddress(),
                    e.action(), e.object(), e.before(), e.after(), e.processInstanceId(), e.hash()));
        }
        out.flush();
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * RFC 4180 quoting. Text a counterparty typed can start like a formula; a leading apostrophe keeps
     * a spreadsheet from running it when an auditor opens the file.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
