package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.SharingSchemas;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** CAIP-10 ids, STIX bundles and MISP events wherever a case system files, imports or reads targets. */
@FreezeDeskTest
class SharingFormatsWebTest {

    private static final String ETH_CAIP10 = "eip155:1:" + Filings.ETH_ADDRESS.toLowerCase();
    private static final String TRON_CAIP10 = "tron:728126428:" + Filings.TRON_ADDRESS;

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired ObjectMapper json;
    @Autowired StaffUserRepository users;

    @Test
    void aCaseIsFiledWithCaip10IdsAndReturnsThemNormalized() throws Exception {
        JsonNode created = fileCase("""
                [{"caip10": "%s", "asset": "USDT", "amount": "2500.25", "note": "first hop"},
                 {"chain": "BTC", "asset": "BTC", "address": "%s", "amount": "all"},
                 {"caip10": "%s", "chain": "tron", "address": "%s", "asset": "USDT", "amount": "10"}]
                """.formatted(ETH_CAIP10, Filings.BTC_ADDRESS, TRON_CAIP10, Filings.TRON_ADDRESS));

        JsonNode targets = created.get("requests").get(0).get("targets");
        assertThat(targets.findValuesAsText("chain")).containsExactly("ETH", "BTC", "TRON");
        assertThat(targets.findValuesAsText("address")).containsExactly(Filings.ETH_ADDRESS, Filings.BTC_ADDRESS, Filings.TRON_ADDRESS);
        assertThat(targets.findValuesAsText("caip10")).containsExactly("eip155:1:" + Filings.ETH_ADDRESS,
                "bip122:000000000019d6689c085ae165831e93:" + Filings.BTC_ADDRESS, TRON_CAIP10);
    }

    @Test
    void caip10ThatDisagreesOrNamesAnUnsupportedChainIsAFieldError() throws Exception {
        MockHttpServletResponse response = send("/api/v1/cases", MediaType.APPLICATION_JSON, filing("""
                [{"caip10": "%s", "chain": "BSC", "asset": "USDT", "amount": "1"},
                 {"caip10": "cosmos:cosmoshub-4:cosmos1t2uflqwqe0fsj0shcfkrvpukewcw40yjj6hdc0", "asset": "ATOM", "amount": "1"},
                 {"caip10": "eip155:1:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "asset": "ETH", "amount": "1"}]
                """.formatted(ETH_CAIP10)));

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode errors = json.readTree(response.getContentAsString()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactly("targets[0].caip10", "targets[1].caip10", "targets[2].caip10");
        assertThat(errors.findValuesAsText("message")).satisfiesExactly(
                m -> assertThat(m).contains("is on ETH (eip155:1) but the chain given is 'BSC'"),
                m -> assertThat(m).contains("namespace 'cosmos' is not supported"),
                m -> assertThat(m).contains("EIP-55 checksum does not match"));
    }

    @Test
    void aCsvFileMayNameItsAccountsInACaip10Column() throws Exception {
        JsonNode preview = importFile("text/csv", ("caip10,asset,amount,tx_hashes,note\n" + ETH_CAIP10 + ",USDT,5,,\n"
                + "tron:2494104990:" + Filings.TRON_ADDRESS + ",USDT,1,,\n").getBytes(StandardCharsets.UTF_8));

        assertThat(preview.get("errorLines").asInt()).isEqualTo(1);
        JsonNode lines = preview.at("/lines/items");
        assertThat(lines.get(0).get("chain").asText()).isEqualTo("ETH");
        assertThat(lines.get(0).get("address").asText()).isEqualTo(Filings.ETH_ADDRESS);
        assertThat(lines.get(1).get("problems").get(0).get("column").asText()).isEqualTo("caip10");
        assertThat(lines.get(1).get("problems").get(0).get("message").asText()).contains("use tron:728126428 (Tron)");
    }

    @Test
    void stixAndMispExportsAreValidAndImportBackAsTheSameTargets() throws Exception {
        JsonNode created = fileCase("""
                [{"caip10": "%s", "asset": "USDT", "amount": "2500.25", "note": "first hop"},
                 {"chain": "BSC", "asset": "USDT", "address": "%s", "amount": "all"},
                 {"chain": "BTC", "asset": "BTC", "address": "%s", "amount": "0.5"}]
                """.formatted(ETH_CAIP10, Filings.ETH_ADDRESS, Filings.BTC_ADDRESS));
        String reference = created.get("reference").asText();
        List<String> filed = targets(created.get("requests").get(0).get("targets"));

        JsonNode bundle = getJson("/api/v1/cases/" + reference + "/stix", "application/stix+json;version=2.1");
        assertThat(SharingSchemas.stixViolations(bundle)).isEmpty();
        assertThat(targets(importFile("application/stix+json", json.writeValueAsBytes(bundle)).at("/lines/items"))).isEqualTo(filed);

        JsonNode event = getJson("/api/v1/cases/" + reference + "/misp", MediaType.APPLICATION_JSON_VALUE);
        assertThat(SharingSchemas.mispViolations(event)).isEmpty();
        assertThat(targets(importFile(MediaType.APPLICATION_JSON_VALUE, json.writeValueAsBytes(event)).at("/lines/items"))).isEqualTo(filed);

        assertThat(mvc.perform(get("/api/v1/cases/" + reference + "/stix").with(bearerOf(context, "agency2")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/api/v1/cases/" + reference + "/misp").with(bearerOf(context, "auditor")))
                .andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void theCasePageLinksBothDownloads() throws Exception {
        String reference = fileCase("""
                [{"caip10": "%s", "asset": "USDT", "amount": "1"}]""".formatted(ETH_CAIP10)).get("reference").asText();
        var agency = users.loadUserByUsername("agency");
        var page = Jsoup.parse(mvc.perform(get("/cases/" + reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#sharing-formats a").eachAttr("href"))
                .containsExactly("/cases/" + reference + "/stix.json", "/cases/" + reference + "/misp.json");
        MockHttpServletResponse download = mvc.perform(get("/cases/" + reference + "/stix.json").with(user(agency))).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeader("Content-Disposition")).contains(reference + "-stix.json");
        assertThat(SharingSchemas.stixViolations(json.readTree(download.getContentAsString()))).isEmpty();
    }

    @Test
    void hostileDocumentsAreRefusedWith400NamingTheFile() throws Exception {
        List<String> documents = List.of(
                "{\"type\": \"bundle\", \"objects\": [{\"type\": \"cryptocurrency-wallet\", \"value\": " + "[".repeat(50_000) + "]".repeat(50_000) + "}]}",
                "{\"Event\": {\"info\": \"" + "x".repeat(2_000_000) + "\"}}",
                "{\"Event\": {\"Object\": {\"name\": \"coin-address\"}}}",
                "{\"type\": \"bundle\", \"objects\": \"none\"}",
                "{\"type\": \"bundle\", \"objects\": [{\"type\": \"cryptocurrency-wallet\"",
                "{\"neither\": true}");
        for (String document : documents) {
            MockHttpServletResponse response = send("/api/v1/imports", MediaType.APPLICATION_JSON, document);
            assertThat(response.getStatus()).as(document.substring(0, Math.min(60, document.length()))).isEqualTo(400);
            assertThat(json.readTree(response.getContentAsString()).get("errors").get(0).get("field").asText()).isEqualTo("file");
        }
    }

    private JsonNode fileCase(String targets) throws Exception {
        MockHttpServletResponse response = send("/api/v1/cases", MediaType.APPLICATION_JSON, filing(targets));
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return json.readTree(response.getContentAsString());
    }

    private static String filing(String targets) {
        return """
                {"title": "Shared formats", "incidentSummary": "Hot wallet drained", "legalBasis": "PoCA s. 41", "urgency": "URGENT",
                 "targets": %s}""".formatted(targets);
    }

    private JsonNode importFile(String type, byte[] content) throws Exception {
        MockHttpServletResponse accepted = mvc.perform(post("/api/v1/imports").contentType(type).content(content)
                .with(bearerOf(context, "agency"))).andReturn().getResponse();
        assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(202);
        String location = accepted.getHeader("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> !getJson(location, null).get("state").asText().equals("CHECKING"));
        JsonNode preview = getJson(location, null);
        assertThat(preview.get("state").asText()).isEqualTo("READY");
        return preview;
    }

    private JsonNode getJson(String path, String expectedType) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(bearerOf(context, "agency"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        if (expectedType != null) {
            assertThat(response.getContentType()).isEqualTo(expectedType);
        }
        return json.readTree(response.getContentAsString());
    }

    private MockHttpServletResponse send(String path, MediaType type, String body) throws Exception {
        return mvc.perform(post(path).contentType(type)
                .content(body).with(bearerOf(context, "agency"))).andReturn().getResponse();
    }

    /** Chain, asset, address, amount and note of each target or valid preview line, in order. */
    private static List<String> targets(JsonNode list) {
        List<String> result = new ArrayList<>();
        for (JsonNode t : list) {
            result.add(String.join(" ", t.get("chain").asText(), t.get("asset").asText(), t.get("address").asText(),
                    t.has("amount") ? t.get("amount").asText() : t.get("amountText").asText(), t.path("note").asText("")));
        }
        return result;
    }
}
