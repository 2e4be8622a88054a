package org.freezedesk.directory.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the attribution table from CSV ({@code chain, address, exchange, source, date}): every line is checked,
 * and the file is stored whole or not at all. A newer attribution of an address replaces the older one.
 */
@Service
public class AttributionImportService {

    public static final int MAX_LINES = 50_000;
    static final String COLUMNS = "chain, address, exchange, source, date";
    private static final List<String> HEADER = List.of("chain", "address", "exchange", "source", "date");

    /** A problem of one line and column; {@code line} 1 is the header. */
    public record Problem(int line, String column, String message) {
    }

    /** Either the number of attributions stored, or the problems that kept the whole file out. */
    public record Result(int count, List<Problem> problems) {

        public boolean saved() {
            return problems.isEmpty();
        }
    }

    private final AttributionRepository attributions;
    private final CounterpartyRepository counterparties;
    private final AddressValidator addresses;
    private final AuditLog audit;

    AttributionImportService(AttributionRepository attributions, CounterpartyRepository counterparties, AddressValidator addresses,
            AuditLog audit) {
        this.attributions = attributions;
        this.counterparties = counterparties;
        this.addresses = addresses;
        this.audit = audit;
    }

    @Transactional
    public Result importCsv(String fileName, byte[] content, String importedBy) {
        List<Problem> problems = new ArrayList<>();
        List<NewAttribution> valid = read(content, problems);
        if (!problems.isEmpty()) {
            return new Result(0, List.copyOf(problems));
        }
        attributions.save(valid, importedBy);
        audit.record("ATTRIBUTIONS_IMPORTED", "address_attribution", fileName, null, null,
                valid.size() + " attribution(s) from " + fileName);
        return new Result(valid.size(), List.of());
    }

    private List<NewAttribution> read(byte[] content, List<Problem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(1, null, "The file is not UTF-8 text; save it as \"CSV UTF-8\" and upload it again"));
            return List.of();
        }
        text = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, Counterparty> byName = counterparties.byLowerCaseName();
        Map<String, Integer> firstLine = new HashMap<>();
        List<NewAttribution> result = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            boolean header = true;
            int line = 1;
            int position = 0;
            for (CSVRecord record : parser) {
                // The line a record starts on, counted from its character position (quoted values may span lines),
                // past the empty lines skipped before it.
                for (; position < record.getCharacterPosition()
                        || position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r'); position++) {
                    if (text.charAt(position) == '\n') {
                        line++;
                    }
                }
                if (header) {
                    header = false;
                    List<String> names = record.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
                    if (!names.equals(HEADER)) {
                        problems.add(new Problem(line, null, "The first line must name the columns " + COLUMNS + ", in that order"));
                        return List.of();
                    }
                    continue;
                }
                if (result.size() + problems.size() >= MAX_LINES) {
                    problems.add(new Problem(line, null, "More than " + MAX_LINES + " attributions; split the file"));
                    return List.of();
                }
                line(line, record, byName, firstLine, problems).ifPresent(result::add);
            }
        } catch (UncheckedIOException | IOException e) {
            problems.add(new Problem(1, null, "The file is not valid CSV: " + e.getMessage()));
        }
        if (result.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(1, null, "The file has no attribution; its first line must name the columns " + COLUMNS));
        }
        return result;
    }

    private Optional<NewAttribution> line(int line, CSVRecord record, Map<String, Counterparty> byName, Map<String, Integer> firstLine,
            List<Problem> problems) {
        int before = problems.size();
        if (record.size() != HEADER.size()) {
            problems.add(new Problem(line, null, "This line has " + record.size() + " values; expected " + HEADER.size() + ": " + COLUMNS));
            return Optional.empty();
        }
        Optional<Chain> chain = Chain.parse(record.get(0));
        String address = null;
        if (chain.isEmpty()) {
            problems.add(new Problem(line, "chain", "Unknown chain '" + record.get(0) + "'"));
        } else {
            AddressCheck check = addresses.checkAddress(chain.get(), record.get(1));
            if (check.valid()) {
                address = check.normalized();
            } else {
                problems.add(new Problem(line, "address", check.reason()));
            }
        }
        Counterparty exchange = byName.get(record.get(2).toLowerCase(Locale.ROOT));
        if (exchange == null) {
            problems.add(new Problem(line, "exchange", "No counterparty named '" + record.get(2) + "' in the directory"));
        } else if (exchange.kind() != CounterpartyKind.EXCHANGE) {
            problems.add(new Problem(line, "exchange", exchange.name() + " is an issuer; addresses are attributed to exchanges"));
        }
        String source = record.get(3);
        if (source.isEmpty() || source.length() > 200) {
            problems.add(new Problem(line, "source", "Name the source of the attribution, in at most 200 characters"));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(record.get(4));
            if (date.isAfter(LocalDate.now())) {
                problems.add(new Problem(line, "date", "The date cannot be in the future"));
            }
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, "date", "Enter the date as YYYY-MM-DD"));
        }
        if (address != null) {
            Integer earlier = firstLine.putIfAbsent(chain.get().name() + "/" + address, line);
            if (earlier != null) {
                problems.add(new Problem(line, "address", "The same address as line " + earlier));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new NewAttribution(line, chain.get().name(), address, exchange.id(), source, date));
    }
}
