package org.freezedesk.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.freezedesk.address.AddressValidator;
import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.cases.Lead;
import org.freezedesk.cases.Target;
import org.freezedesk.cases.Urgency;
import org.freezedesk.directory.AssetPrecision;
import org.freezedesk.support.Filings;
import org.freezedesk.support.SharingSchemas;
import org.junit.jupiter.api.Test;

/** The STIX and MISP documents of a case, checked against the published schemas and read back as the same targets. */
class SharingFormatsTest {

    private static final String ETH_TX = "0x" + "ab".repeat(32);
    private static final String LEAD_TX = "0x" + "cd".repeat(32);

    private final ObjectMapper json = new ObjectMapper();
    /** Checks with the precision passed in below: no database behind this test, so every asset has 18 decimals. */
    private final TargetChecker checker = new TargetChecker(new AddressValidator(), null);
    private final AssetPrecision.Table precision = new AssetPrecision.Table(Map.of());

    private final FreezeCase freezeCase = new FreezeCase(7, "FRZ-2026-000007", "Bybit cold wallet", "National Cyber Unit",
            "Cold wallet drained", null, LocalDate.of(2026, 2, 21), "agency", OffsetDateTime.of(2026, 2, 22, 9, 30, 0, 0, ZoneOffset.UTC));
    private final List<Target> targets = List.of(
            new Target(1, 1, 1, "ETH", "USDT", Filings.ETH_ADDRESS, new BigDecimal("1000.5"), ETH_TX, "first hop"),
            new Target(2, 1, 2, "ETH", "ETH", Filings.ETH_ADDRESS, null, null, null),
            new Target(3, 1, 3, "BSC", "USDT", Filings.ETH_ADDRESS, new BigDecimal("7"), null, null),
            new Target(4, 1, 4, "BTC", "BTC", Filings.BTC_ADDRESS, new BigDecimal("0.25"), null, null),
            new Target(5, 1, 5, "TRON", "USDT", Filings.TRON_ADDRESS, null, null, "via a swap"),
            new Target(6, 1, 6, "SOL", "SOL", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", new BigDecimal("12"), null, null));

    private CaseView view(List<Lead> leads) {
        FreezeRequest request = new FreezeRequest(1, 7, 1, "PoCA s. 41", null, null, Urgency.CRITICAL, FreezeRequestState.IN_REVIEW,
                "agency", freezeCase.createdAt(), null, null, null, 0, false, null, null, freezeCase.agency());
        return new CaseView(freezeCase, List.of(new CaseView.RequestView(request, targets, Map.of(), List.of())), List.of(), List.of(),
                List.of(), leads);
    }

    @Test
    void stixBundleIsValidAndReadsBackAsTheSameTargets() throws Exception {
        ObjectNode bundle = SharingFormats.stix(view(List.of()), json);

        assertThat(SharingSchemas.stixViolations(bundle)).isEmpty();
        assertThat(bundle.get("objects").findValuesAsText("value")).contains("eip155:1:" + Filings.ETH_ADDRESS,
                "eip155:56:" + Filings.ETH_ADDRESS, "bip122:000000000019d6689c085ae165831e93:" + Filings.BTC_ADDRESS);
        assertThat(readBack(bundle)).containsExactlyElementsOf(expected());
    }

    @Test
    void theSchemasRefuseWhatTheFormatsDoNotAllow() {
        ObjectNode bundle = SharingFormats.stix(view(List.of()), json);
        ((ObjectNode) bundle.get("objects").get(1)).remove("extensions");
        ((ObjectNode) bundle.get("objects").get(2)).put("value", 5);
        assertThat(SharingSchemas.stixViolations(bundle)).hasSizeGreaterThanOrEqualTo(2);
        ObjectNode event = SharingFormats.misp(view(List.of()));
        ((ObjectNode) event.get("Event").get("Object").get(0).get("Attribute").get(0)).put("type", "btc");
        ((ObjectNode) event.get("Event").get("Object").get(1).get("Attribute").get(1)).put("object_relation", "amount");
        assertThat(SharingSchemas.mispViolations(event)).hasSize(2);
    }

    @Test
    void mispEventIsValidAgainstTheCoinAddressTemplateAndReadsBackAsTheSameTargets() throws Exception {
        ObjectNode event = SharingFormats.misp(view(List.of()));

        assertThat(SharingSchemas.mispViolations(event)).isEmpty();
        assertThat(event.get("Event").get("Object")).hasSize(6);
        assertThat(readBack(event).stream().map(t -> t.withTxHashes(null)).toList())
                .containsExactlyElementsOf(expected().stream().map(t -> t.withTxHashes(null)).toList());
    }

    @Test
    void observableIdsAreUuidV5OfTheirValueAsStixDerivesThem() {
        // RFC 9562, appendix A.4: the UUIDv5 of "www.example.com" in the DNS namespace.
        assertThat(SharingFormats.uuid5(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
        ObjectNode first = SharingFormats.stix(view(List.of()), json);
        ObjectNode second = SharingFormats.stix(view(List.of()), json);
        assertThat(first.get("objects").findValuesAsText("id")).isEqualTo(second.get("objects").findValuesAsText("id"));
        assertThat(first.get("id")).isNotEqualTo(second.get("id"));
        assertThat(first.get("objects").get(1).get("id").asText()).isEqualTo("cryptocurrency-wallet--"
                + SharingFormats.uuid5(UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7"),
                "{\"value\":\"eip155:1:" + Filings.ETH_ADDRESS + "\"}"));
    }

    @Test
    void aLeadIsATransactionToItsDestinationWhichReadsBackAsATargetOfEverythingThere() throws Exception {
        Lead lead = new Lead(9, "Binance", "ETH", "USDT", LEAD_TX, Filings.KRAKEN_ETH_ADDRESS, freezeCase.createdAt(), false);
        ObjectNode bundle = SharingFormats.stix(view(List.of(lead)), json);

        assertThat(SharingSchemas.stixViolations(bundle)).isEmpty();
        JsonNode transaction = bundle.get("objects").get(bundle.get("objects").size() - 1);
        assertThat(transaction.get("type").asText()).isEqualTo("cryptocurrency-transaction");
        assertThat(transaction.get("value").asText()).isEqualTo(LEAD_TX);
        assertThat(transaction.get("symbol").asText()).isEqualTo("USDT");
        assertThat(readBack(bundle)).contains(new Row("ETH", "USDT", Filings.KRAKEN_ETH_ADDRESS, "all", null, null));
    }

    @Test
    void aWalletOfAnotherToolTakesItsChainFromTheCaip10IdOrTheTransactionsSymbol() throws Exception {
        String bundle = """
                {"type": "bundle", "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", "objects": [
                  {"type": "identity", "id": "identity--1", "name": "someone"},
                  {"type": "cryptocurrency-wallet", "id": "cryptocurrency-wallet--1", "value": "tron:728126428:%s"},
                  {"type": "cryptocurrency-wallet", "id": "cryptocurrency-wallet--2", "value": "%s"},
                  {"type": "cryptocurrency-transaction", "id": "cryptocurrency-transaction--3", "symbol": "BTC", "value": "ab",
                   "output": [{"address_ref": "cryptocurrency-wallet--2", "amount": 0.5}]},
                  {"type": "cryptocurrency-wallet", "id": "cryptocurrency-wallet--4", "value": 5}]}
                """.formatted(Filings.TRON_ADDRESS, Filings.BTC_ADDRESS);
        List<CsvTargetFile.Line> lines = JsonTargetFile.parse(bundle.getBytes(StandardCharsets.UTF_8), 100);

        assertThat(lines).hasSize(3);
        assertThat(row(lines.get(0))).isEqualTo(new Row("TRON", "TRX", Filings.TRON_ADDRESS, "all", null, null));
        assertThat(row(lines.get(1))).isEqualTo(new Row("BTC", "BTC", Filings.BTC_ADDRESS, "all", null, null));
        assertThat(lines.get(2).problem().message()).isEqualTo("The wallet cryptocurrency-wallet--4 has no value (a string)");
    }

    @Test
    void hostileOrMalformedDocumentsAreRefusedWithAReason() {
        String deepInWallet = "{\"type\": \"bundle\", \"objects\": [{\"type\": \"cryptocurrency-wallet\", \"x\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}]}";
        assertThat(refusal(deepInWallet)).contains("nests deeper than 32 levels");
        String deepElsewhere = "{\"type\": \"bundle\", \"other\": " + "{\"a\": ".repeat(100_000) + "1" + "}".repeat(100_000) + "}";
        assertThat(refusal(deepElsewhere)).contains("nests deeper than 32 levels");
        String huge = "{\"type\": \"bundle\", \"objects\": [{\"type\": \"cryptocurrency-wallet\", \"value\": \"" + "a".repeat(1_000_000) + "\"}]}";
        assertThat(refusal(huge)).contains("longer than 64 KB");
        assertThat(refusal("{\"type\": \"bundle\", \"objects\": 5}")).isEqualTo("\"objects\" must be an array of objects");
        assertThat(refusal("{\"type\": \"bundle\", \"objects\": [1]}")).isEqualTo("\"objects\"[0] must be an object");
        assertThat(refusal("{\"Event\": []}")).isEqualTo("The MISP event's \"Event\" must be an object");
        assertThat(refusal("{\"type\": \"bundle\", \"objects\": [{\"type\": \"identity\"}]}"))
                .isEqualTo("The STIX bundle has no cryptocurrency-wallet object; nothing to import");
        assertThat(refusal("{\"type\": \"report\"}")).endsWith("; this one is neither");
        assertThat(refusal("{\"type\": \"bundle\", \"objects\": [}")).startsWith("The file is not valid JSON");
        assertThat(refusal("{\"type\": \"bundle\"} {}")).isEqualTo("The file has more after its JSON object; send one document");
    }

    @Test
    void moreTargetsThanAnImportTakesAreRefused() throws Exception {
        ObjectNode bundle = SharingFormats.stix(view(List.of()), json);
        assertThatThrownBy(() -> JsonTargetFile.parse(json.writeValueAsBytes(bundle), 5)).isInstanceOf(ImportRefusedException.class)
                .hasMessageStartingWith("The file names more than 5 targets");
    }

    @Test
    void jsonIsToldFromCsvByItsFirstCharacter() {
        assertThat(JsonTargetFile.isJson("\uFEFF \n {\"type\": \"bundle\"}".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(JsonTargetFile.isJson("chain,asset,address,amount\n".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(JsonTargetFile.isJson(new byte[0])).isFalse();
    }

    private String refusal(String document) {
        try {
            JsonTargetFile.parse(document.getBytes(StandardCharsets.UTF_8), 100);
        } catch (ImportRefusedException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + document.substring(0, Math.min(80, document.length())));
    }

    record Row(String chain, String asset, String address, String amount, String txHashes, String note) {

        Row withTxHashes(String hashes) {
            return new Row(chain, asset, address, amount, hashes, note);
        }
    }

    private List<Row> expected() {
        return targets.stream().map(t -> new Row(t.chain(), t.asset(), t.address(), t.amountText(), t.txHashes(), t.note())).toList();
    }

    /** The document's lines as the import's check sees them, each checked and normalized. */
    private List<Row> readBack(JsonNode document) throws Exception {
        return JsonTargetFile.parse(json.writeValueAsBytes(document), 100).stream().map(this::row).toList();
    }

    private Row row(CsvTargetFile.Line line) {
        assertThat(line.problem()).isNull();
        TargetChecker.Result result = checker.check(line.lineNumber(), line.row(), precision);
        assertThat(result.problems()).as("line " + line.lineNumber()).isEmpty();
        NewTarget t = result.target();
        return new Row(t.chain(), t.asset(), t.address(), t.amountText(), t.txHashes(), t.note());
    }
}
