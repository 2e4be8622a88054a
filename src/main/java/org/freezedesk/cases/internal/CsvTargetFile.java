package org.freezedesk.cases.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a UTF-8 CSV file of targets: a header row naming the columns (in any order), then one target per
 * record. The account is in the columns chain and address, or in a caip10 column (a CAIP-10 account id). Every record keeps the line of the file it starts on, so that problems can be named by line.
 */
final class CsvTargetFile {

    /** A record of the file as typed; {@code problem} is set when it has another number of values than the header. */
    record Line(int lineNumber, TargetRow row, TargetProblem problem) {
    }

    private static final List<TargetColumn> REQUIRED = List.of(TargetColumn.ASSET, TargetColumn.AMOUNT);
    private static final List<TargetColumn> ACCOUNT = List.of(TargetColumn.CHAIN, TargetColumn.ADDRESS);
    private static final String COLUMNS = Arrays.stream(TargetColumn.values()).map(TargetColumn::csvName)
            .collect(Collectors.joining(", "));

    private CsvTargetFile() {
    }

    /** The records of the file, or a refusal saying why none of it can be read; more than {@code maxLines} are refused. */
    static List<Line> parse(byte[] content, int maxLines) throws ImportRefusedException {
        String text = decode(content);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            Map<TargetColumn, String> columns = columns(parser.getHeaderNames());
            int headerSize = parser.getHeaderNames().size();
            LineCounter lines = new LineCounter(text);
            List<Line> result = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (result.size() == maxLines) {
                    throw new ImportRefusedException("The file has more than " + String.format(Locale.ROOT, "%,d", maxLines)
                            + " targets; one import takes at most that many. Split the file and import each part. Nothing was saved.");
                }
                int lineNumber = lines.lineAt(record.getCharacterPosition());
                TargetProblem problem = record.size() == headerSize ? null : new TargetProblem(null,
                        "This line has " + record.size() + " values but the header names " + headerSize + " columns");
                TargetRow row = TargetRow.of(value(record, columns, TargetColumn.CHAIN),
                        value(record, columns, TargetColumn.ASSET), value(record, columns, TargetColumn.ADDRESS),
                        value(record, columns, TargetColumn.AMOUNT), value(record, columns, TargetColumn.TX_HASHES),
                        value(record, columns, TargetColumn.NOTE));
                row.setCaip10(value(record, columns, TargetColumn.CAIP10));
                result.add(new Line(lineNumber, row, problem));
            }
            if (result.isEmpty()) {
                throw new ImportRefusedException("The file has a header but no target below it");
            }
            return result;
        } catch (UncheckedIOException | IOException e) {
            throw new ImportRefusedException("The file is not valid CSV: " + e.getMessage()
                    + ". Check for a quote (\") that is opened but never closed.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ImportRefusedException("The header row cannot be read: " + e.getMessage());
        }
    }

    private static String decode(byte[] content) throws ImportRefusedException {
        if (content.length == 0) {
            throw new ImportRefusedException("The file is empty; its first line must name the columns: " + COLUMNS);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            // Spreadsheet programs start UTF-8 files with a byte order mark.
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportRefusedException("The file is not UTF-8 text; save it as \"CSV UTF-8\" and upload it again");
        }
    }

    private static Map<TargetColumn, String> columns(List<String> header) throws ImportRefusedException {
        Map<TargetColumn, String> columns = new EnumMap<>(TargetColumn.class);
        for (String name : header) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            TargetColumn column = Arrays.stream(TargetColumn.values()).filter(c -> c.csvName().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ImportRefusedException(name.isBlank()
                            ? "The header row has an unnamed column; the columns are " + COLUMNS
                            : "The header row names an unknown column '" + name.strip() + "'; the columns are " + COLUMNS));
            if (columns.put(column, name) != null) {
                throw new ImportRefusedException("The header row names the column '" + column.csvName() + "' twice");
            }
        }
        List<TargetColumn> required = new ArrayList<>(REQUIRED);
        if (!columns.containsKey(TargetColumn.CAIP10)) {
            required.addAll(0, ACCOUNT);
        }
        List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).map(TargetColumn::csvName).toList();
        if (!missing.isEmpty()) {
            throw new ImportRefusedException("The header row lacks the column(s) " + String.join(", ", missing)
                    + "; the first line must name the columns: " + COLUMNS + " (caip10 can stand for chain and address)");
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<TargetColumn, String> columns, TargetColumn column) {
        String name = columns.get(column);
        return name != null && record.isSet(name) ? record.get(name) : null;
    }

    /**
     * Turns a record's character position into the line it starts on, reading the text once from start to end.
     * The position is where the parser began reading, before the empty lines it skipped.
     */
    private static final class LineCounter {

        private final String text;
        private int position;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(long characterPosition) {
            while (position < characterPosition) {
                if (text.charAt(position++) == '\n') {
                    line++;
                }
            }
            while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
                if (text.charAt(position++) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }
}
