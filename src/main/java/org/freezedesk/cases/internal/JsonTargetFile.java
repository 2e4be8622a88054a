package org.freezedesk.cases.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.address.Chain;

/**
 * Reads targets from a STIX 2.1 bundle (its {@code cryptocurrency-wallet} objects) or a MISP event (its
 * {@code coin-address} objects), as {@link SharingFormats} writes them and as other tools do. The document is read as
 * a stream, keeping only those objects, each as small as its own properties; nesting and value lengths are bounded,
 * so a hostile document is refused, not read. A line is a target the document names, numbered in its order.
 */
final class JsonTargetFile {

    static final int MAX_DEPTH = 32;
    static final int MAX_STRING = 64 * 1024;
    private static final Set<String> STIX_TYPES = Set.of(SharingFormats.WALLET, SharingFormats.TRANSACTION);
    private static final String WHICH = "A JSON file of targets is a STIX 2.1 bundle (\"type\": \"bundle\") of cryptocurrency-wallet "
            + "objects or a MISP event (\"Event\") of coin-address objects";
    /** A CAIP-2 chain id and its colon: the start of a CAIP-10 account id, which a bare address never has. */
    private static final Pattern CAIP10_SHAPE = Pattern.compile("[-a-z0-9]{3,8}:[-_a-zA-Z0-9]{1,32}:");
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_STRING)
                    .maxNumberLength(100).build())
            .build());

    private JsonTargetFile() {
    }

    /** Whether the content is JSON rather than CSV: its first byte, after a UTF-8 byte order mark and blanks, opens an object. */
    static boolean isJson(byte[] content) {
        int start = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb && (content[2] & 0xff) == 0xbf ? 3 : 0;
        for (int i = start; i < content.length; i++) {
            byte b = content[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    static List<CsvTargetFile.Line> parse(byte[] content, int maxLines) throws ImportRefusedException {
        Document document = read(content, maxLines);
        List<CsvTargetFile.Line> lines = "bundle".equals(document.type) ? stix(document.objects) : misp(document.objects);
        if (lines.size() > maxLines) {
            throw new ImportRefusedException("The file names more than " + String.format(Locale.ROOT, "%,d", maxLines)
                    + " targets; one import takes at most that many. Split the file and import each part. Nothing was saved.");
        }
        return lines;
    }

    private static final class Document {
        String type;
        boolean event;
        final List<JsonNode> objects = new ArrayList<>();
    }

    private static Document read(byte[] content, int maxLines) throws ImportRefusedException {
        Document document = new Document();
        try (JsonParser parser = JSON.createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportRefusedException(WHICH + "; this file is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> document.type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                    case "objects" -> objects(parser, document, "objects", "type", STIX_TYPES, maxLines);
                    case "Event" -> {
                        document.event = true;
                        event(parser, document, maxLines);
                    }
                    case "Object" -> {
                        document.event = true;
                        objects(parser, document, "Object", "name", Set.of(SharingFormats.COIN_ADDRESS), maxLines);
                    }
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new ImportRefusedException("The file has more after its JSON object; send one document");
            }
        } catch (StreamConstraintsException e) {
            throw new ImportRefusedException("The file is refused unread: it nests deeper than " + MAX_DEPTH
                    + " levels or holds a value longer than " + MAX_STRING / 1024 + " KB, which no target needs");
        } catch (JsonProcessingException e) {
            throw new ImportRefusedException("The file is not valid JSON: " + e.getOriginalMessage() + " (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ImportRefusedException("The file cannot be read: " + e.getMessage());
        }
        if (!"bundle".equals(document.type) && !document.event) {
            throw new ImportRefusedException(WHICH + "; this one is neither");
        }
        return document;
    }

    private static void event(JsonParser parser, Document document, int maxLines) throws IOException, ImportRefusedException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ImportRefusedException("The MISP event's \"Event\" must be an object");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if (name.equals("Object")) {
                objects(parser, document, "Event.Object", "name", Set.of(SharingFormats.COIN_ADDRESS), maxLines);
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Keeps the objects of the array whose {@code kind} property is one of {@code kept}; the others are skipped unread. */
    private static void objects(JsonParser parser, Document document, String path, String kind, Set<String> kept, int maxLines)
            throws IOException, ImportRefusedException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw new ImportRefusedException("\"" + path + "\" must be an array of objects");
        }
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new ImportRefusedException("\"" + path + "\"[" + index + "] must be an object");
            }
            JsonNode object = JSON.readTree(parser);
            if (kept.contains(object.path(kind).asText(""))) {
                if (document.objects.size() == 2 * maxLines) {
                    throw new ImportRefusedException("The file has more than " + String.format(Locale.ROOT, "%,d", 2 * maxLines)
                            + " wallet, transaction or coin-address objects; split it. Nothing was saved.");
                }
                document.objects.add(object);
            }
            index++;
        }
    }

    /**
     * One line per target a wallet carries ({@value SharingFormats#TARGETS_PROPERTY}); a wallet from another tool is one
     * line of everything held there, in the asset of the transactions that name it, else the chain's own coin.
     */
    private static List<CsvTargetFile.Line> stix(List<JsonNode> objects) throws ImportRefusedException {
        Map<String, String> symbols = new HashMap<>();
        for (JsonNode transaction : objects) {
            if (SharingFormats.TRANSACTION.equals(transaction.path("type").asText()) && transaction.path("symbol").isTextual()) {
                for (String side : List.of("input", "output")) {
                    for (JsonNode part : transaction.path(side)) {
                        if (part.path("address_ref").isTextual()) {
                            symbols.putIfAbsent(part.get("address_ref").asText(), transaction.get("symbol").asText());
                        }
                    }
                }
            }
        }
        List<CsvTargetFile.Line> lines = new ArrayList<>();
        for (JsonNode wallet : objects) {
            if (!SharingFormats.WALLET.equals(wallet.path("type").asText())) {
                continue;
            }
            if (!wallet.path("value").isTextual()) {
                lines.add(new CsvTargetFile.Line(lines.size() + 1, new TargetRow(),
                        new TargetProblem(null, "The wallet " + wallet.path("id").asText("without an id") + " has no value (a string)")));
                continue;
            }
            String value = wallet.get("value").asText();
            String symbol = symbols.get(wallet.path("id").asText());
            JsonNode entries = wallet.path(SharingFormats.TARGETS_PROPERTY);
            if (entries.isMissingNode()) {
                lines.add(new CsvTargetFile.Line(lines.size() + 1, account(value, symbol, symbol, "all", null, null), null));
                continue;
            }
            if (!entries.isArray() || entries.isEmpty()) {
                lines.add(new CsvTargetFile.Line(lines.size() + 1, account(value, symbol, null, null, null, null),
                        new TargetProblem(null, SharingFormats.TARGETS_PROPERTY + " must be a list of targets")));
                continue;
            }
            for (JsonNode entry : entries) {
                lines.add(new CsvTargetFile.Line(lines.size() + 1, account(value, symbol, text(entry, "asset"), text(entry, "amount"),
                        text(entry, "tx_hashes"), text(entry, "note")), entry.isObject() ? null
                        : new TargetProblem(null, SharingFormats.TARGETS_PROPERTY + " must hold objects")));
            }
        }
        if (lines.isEmpty()) {
            throw new ImportRefusedException("The STIX bundle has no cryptocurrency-wallet object; nothing to import");
        }
        return lines;
    }

    private static List<CsvTargetFile.Line> misp(List<JsonNode> objects) throws ImportRefusedException {
        List<CsvTargetFile.Line> lines = new ArrayList<>();
        for (JsonNode object : objects) {
            Map<String, JsonNode> attributes = new HashMap<>();
            for (JsonNode attribute : object.path("Attribute")) {
                attributes.putIfAbsent(attribute.path("object_relation").asText(""), attribute);
            }
            JsonNode address = Optional.ofNullable(attributes.get("address")).orElse(attributes.get("address-crypto"));
            String symbol = text(attributes.get("symbol"), "value");
            String comment = text(address, "comment");
            String amount = comment != null && comment.startsWith(SharingFormats.AMOUNT_COMMENT)
                    ? comment.substring(SharingFormats.AMOUNT_COMMENT.length()) : "all";
            String caip10 = text(attributes.get("text"), "value");
            String account = caip10 != null && CAIP10_SHAPE.matcher(caip10).lookingAt() ? caip10 : text(address, "value");
            String note = text(object, "comment");
            TargetProblem problem = attributes.containsKey("address-xmr") && address == null
                    ? new TargetProblem(null, "Monero (address-xmr) is not a chain FreezeDesk handles") : null;
            lines.add(new CsvTargetFile.Line(lines.size() + 1, account(account, symbol, asset(symbol), amount, null,
                    note == null || note.isBlank() ? null : note), problem));
        }
        if (lines.isEmpty()) {
            throw new ImportRefusedException("The MISP event has no coin-address object; nothing to import");
        }
        return lines;
    }

    /**
     * A row naming its account by CAIP-10 id when the value is one; a bare address takes its chain from the symbol of
     * the coin (BTC, ETH, TRX, SOL, …), which the check names as missing when it tells none.
     */
    private static TargetRow account(String value, String symbol, String asset, String amount, String txHashes, String note) {
        if (value != null && CAIP10_SHAPE.matcher(value).lookingAt()) {
            return TargetRow.ofCaip10(value, asset == null ? nativeAsset(value) : asset, amount, txHashes, note);
        }
        String chain = chainOf(symbol).map(Chain::name).orElse(null);
        return TargetRow.of(chain, asset == null ? chainOf(symbol).map(Chain::nativeAsset).orElse(null) : asset, value, amount,
                txHashes, note);
    }

    private static String nativeAsset(String caip10) {
        int second = caip10.indexOf(':', caip10.indexOf(':') + 1);
        return second < 0 ? null : Chain.ofCaip2(caip10.substring(0, second)).map(Chain::nativeAsset).orElse(null);
    }

    private static Optional<Chain> chainOf(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        return switch (symbol.strip().toUpperCase(Locale.ROOT)) {
            case "BTC" -> Optional.of(Chain.BTC);
            case "ETH" -> Optional.of(Chain.ETH);
            case "TRX", "TRON" -> Optional.of(Chain.TRON);
            case "SOL" -> Optional.of(Chain.SOL);
            case "BNB", "BSC" -> Optional.of(Chain.BSC);
            case "POL", "MATIC" -> Optional.of(Chain.POLYGON);
            case "AVAX" -> Optional.of(Chain.AVAX);
            default -> Optional.empty();
        };
    }

    /** The MISP template's symbols name some chains rather than their coin. */
    private static String asset(String symbol) {
        if (symbol == null) {
            return null;
        }
        return switch (symbol.strip().toUpperCase(Locale.ROOT)) {
            case "TRON" -> "TRX";
            case "BSC" -> "BNB";
            default -> symbol;
        };
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
