package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TargetFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The CSV import as the filer uses it in the browser and as a case system uses it through the API. */
@FreezeDeskTest
class TargetImportWebTest {

    private static final String UNATTRIBUTED_BTC = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired StaffUserRepository users;
    @Autowired ObjectMapper json;

    private StaffUser agency;

    @BeforeEach
    void setUp() {
        agency = users.loadUserByUsername("agency");
    }

    @Test
    void filerChecksAFileSeesItsPreviewAndFilesTheCaseWithWhatSheTyped() throws Exception {
        byte[] file = csv(TargetFiles.HEADER,
                "ETH,USDT," + Filings.ETH_ADDRESS + ",1000.5,,first hop",
                "BTC,BTC," + UNATTRIBUTED_BTC + ",all,,");
        MvcResult uploaded = mvc.perform(multipart("/cases/imports").file(new MockMultipartFile("file", "hops.csv", "text/csv", file))
                        .param("title", "Atomic Wallet drain").param("incidentSummary", "Wallets drained").param("urgency", "CRITICAL")
                        .param("legalBasis", "Proceeds of Crime Act, s. 41").with(user(agency)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String preview = uploaded.getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/cases/imports/");

        await().atMost(Duration.ofSeconds(30)).until(() -> page(preview).selectFirst("#progress") == null);
        Document checked = page(preview);
        assertThat(checked.select("#summary").text()).contains("2 lines: 2 valid, 0 with errors");
        assertThat(checked.select("#routing tbody tr").eachText()).containsExactly("Tether 1 1,000.5 USDT",
                "Unattributed: nobody holds these 1 all BTC at 1 address");
        assertThat(checked.select("#lines tbody tr").eachText()).containsExactly(
                "2 valid ETH USDT " + Filings.ETH_ADDRESS + " 1,000.5 Tether", "3 valid BTC BTC " + UNATTRIBUTED_BTC + " all unattributed");

        Document form = page(checked.selectFirst("#use-import").attr("href"));
        assertThat(form.selectFirst("#title").val()).isEqualTo("Atomic Wallet drain");
        assertThat(form.select("#attached-import").text()).contains("2 lines of hops.csv");
        String importId = form.selectFirst("input[name=importId]").val();

        MvcResult filed = mvc.perform(post("/cases").param("title", "Atomic Wallet drain").param("incidentSummary", "Wallets drained")
                        .param("urgency", "CRITICAL").param("legalBasis", "Proceeds of Crime Act, s. 41").param("importId", importId)
                        .with(user(agency)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        Document casePage = page(filed.getResponse().getRedirectedUrl());
        assertThat(casePage.select("#routing-1 tbody tr").eachText()).containsExactly("Tether (ISSUER) 1 1,000.5 USDT",
                "Unattributed: nobody holds these 1 all BTC at 1 address");
        assertThat(casePage.select("details[data-counterparty=unattributed] td").eachText()).contains("3", UNATTRIBUTED_BTC);
    }

    @Test
    void pastedLinesAreCheckedLikeAFileAndAnAmountFinerThanItsAssetIsRefusedByLine() throws Exception {
        Document empty = Jsoup.parse(mvc.perform(get("/cases/new").with(user(agency))).andReturn().getResponse().getContentAsString());
        assertThat(empty.selectFirst("textarea#pastedLines").text()).as("the box starts with the header row").isEqualTo(TargetFiles.HEADER);
        assertThat(empty.select("label[for=pastedLines]")).isNotEmpty();

        String pasted = String.join("\n", TargetFiles.HEADER,
                "ETH,USDT," + Filings.ETH_ADDRESS + ",1000.5,,first hop",
                "BTC,BTC," + UNATTRIBUTED_BTC + ",0.123456789,,too fine for bitcoin");
        MvcResult uploaded = mvc.perform(multipart("/cases/imports").param("pastedLines", pasted)
                        .param("title", "Pasted drain").param("urgency", "URGENT").with(user(agency)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String preview = uploaded.getResponse().getRedirectedUrl();
        assertThat(preview).startsWith("/cases/imports/");

        await().atMost(Duration.ofSeconds(30)).until(() -> page(preview).selectFirst("#progress") == null);
        Document checked = page(preview);
        assertThat(checked.select("#summary").text()).contains("2 lines: 1 valid, 1 with errors");
        assertThat(checked.select("#problems tbody tr").eachText())
                .containsExactly("3 amount error At most 8 decimal places: BTC on Bitcoin has 8");
    }

    @Test
    void aRefusedFileIsNamedNextToTheFileFieldAndWhatWasTypedStays() throws Exception {
        Document form = Jsoup.parse(mvc.perform(multipart("/cases/imports")
                        .file(new MockMultipartFile("file", "wrong.csv", "text/csv", csv("chain,asset,wallet,amount", "ETH,USDT,0x,1")))
                        .param("title", "Harmony bridge").with(user(agency)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(form.selectFirst("#file").hasClass("is-invalid")).isTrue();
        assertThat(form.selectFirst("#file + .invalid-feedback").text()).startsWith("The header row names an unknown column 'wallet'");
        assertThat(form.selectFirst("#title").val()).isEqualTo("Harmony bridge");
    }

    @Test
    void caseSystemImportsThroughTheApiAndSeesUnattributedTargets() throws Exception {
        MvcResult accepted = mvc.perform(post("/api/v1/imports").contentType("text/csv").header("X-File-Name", "api.csv")
                        .content(csv(TargetFiles.HEADER, "ETH,USDT," + Filings.ETH_ADDRESS + ",5,,", "BTC,BTC," + UNATTRIBUTED_BTC + ",1,,"))
                        .with(bearerOf(context, "agency")))
                .andExpect(status().isAccepted()).andReturn();
        String location = accepted.getResponse().getHeader("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> !api(location).get("state").asText().equals("CHECKING"));
        JsonNode preview = api(location);
        assertThat(preview.get("state").asText()).isEqualTo("READY");
        assertThat(preview.get("lines").get("items").get(1).get("routes")).isEmpty();

        String filing = json.writeValueAsString(Map.of("title", "API case", "incidentSummary", "From a case system",
                "legalBasis", "Statute 1", "urgency", "URGENT", "importId", preview.get("id").asText()));
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(filing)
                        .with(bearerOf(context, "agency")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        JsonNode targets = created.get("requests").get(0).get("targets");
        assertThat(targets.get(0).get("routes").get(0).get("counterparty").asText()).isEqualTo("Tether");
        assertThat(targets.get(1).get("unattributed").asBoolean()).isTrue();
        assertThat(created.get("requests").get(0).get("groups").get(1).get("counterparty").isNull()).isTrue();

        mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(filing).with(bearerOf(context, "agency")))
                .andExpect(status().isBadRequest());
    }

    private Document page(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(agency))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode api(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(bearerOf(context, "agency"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    private static byte[] csv(String... lines) {
        return (String.join("\n", List.of(lines)) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
