package org.freezedesk.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.TaskService;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.TargetFiles;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The OFAC SDN list, from an excerpt of the real SDN.XML (test resource {@code sanctions/sdn-excerpt.xml}): imported,
 * refused when hostile, and every target screened against it at filing, at CSV import and again when a new list comes,
 * with the hits and the list's date on the case page, the review page and the API. A database of its own: the list in
 * force is global.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:sanctions;DB_CLOSE_DELAY=-1",
        "freezedesk.mail.embedded-smtp.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
        "freezedesk.sanctions.max-bytes=1048576"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
class SanctionsScreeningTest {

    static final String LAZARUS_ETH = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
    /** Listed only in the newer list of {@link #newerList()}: a hit that appears when that list comes. */
    static final String LAZARUS_ETH_ADDED_LATER = "0xa0e1c89Ef1a489c9C7dE96311eD5Ce5D32c20E4B";
    static final String YAN_BTC = "12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h";
    static final String FUNNULL_TRON = "TNmRfnSUXZoWWzxcDDbf95eGQYXt1mJDt8";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired SanctionsScreening screening;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService taskService;
    @Autowired UserDetailsService users;
    @Autowired ObjectMapper json;

    private CaseStory story;

    static byte[] excerpt() throws IOException {
        try (InputStream in = SanctionsScreeningTest.class.getResourceAsStream("/sanctions/sdn-excerpt.xml")) {
            return in.readAllBytes();
        }
    }

    /** The excerpt as OFAC might publish it a day later, with one more Lazarus Group address. */
    static byte[] newerList() throws IOException {
        String lastLazarusAddress = "<idNumber>0x53b6936513e738f44FB50d2b9476730C0Ab3Bfc1</idNumber>\n      </id>";
        return new String(excerpt(), StandardCharsets.UTF_8).replace("11/27/2026", "11/28/2026")
                .replace(lastLazarusAddress, lastLazarusAddress + "\n      <id>\n        <uid>159400</uid>\n"
                        + "        <idType>Digital Currency Address - ETH</idType>\n        <idNumber>" + LAZARUS_ETH_ADDED_LATER
                        + "</idNumber>\n      </id>")
                .getBytes(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void theExcerptIsInForce() throws Exception {
        story = new CaseStory(context);
        importOverApi(excerpt());
    }

    @Test
    void theImportKeepsEveryDigitalCurrencyAddressWithItsEntryProgrammesAndTheListsDate() throws Exception {
        SanctionsList list = screening.currentList().orElseThrow();
        assertThat(list.publishDate()).isEqualTo(LocalDate.of(2026, 11, 27));
        assertThat(list.entryCount()).isEqualTo(4);
        assertThat(list.addressCount()).isEqualTo(7);

        ScreenedAddress lazarus = new ScreenedAddress("ETH", LAZARUS_ETH);
        // The same EVM address on another EVM chain, typed in lower case, is the same holder.
        ScreenedAddress lazarusOnBsc = new ScreenedAddress("BSC", LAZARUS_ETH.toLowerCase());
        ScreenedAddress yan = new ScreenedAddress("BTC", YAN_BTC);
        ScreenedAddress funnull = new ScreenedAddress("TRON", FUNNULL_TRON);
        // Base58 is case-sensitive: another case is another address.
        ScreenedAddress notYan = new ScreenedAddress("BTC", YAN_BTC.toLowerCase());
        Screening result = screening.screen(List.of(lazarus, lazarusOnBsc, yan, funnull, notYan,
                new ScreenedAddress("ETH", Filings.ETH_ADDRESS))).orElseThrow();

        assertThat(result.hitsOf(lazarus)).containsExactly(new SanctionsHit("27307", "LAZARUS GROUP", "DPRK3", "ETH"));
        assertThat(result.hitsOf(lazarusOnBsc)).hasSize(1);
        assertThat(result.hitsOf(yan)).containsExactly(new SanctionsHit("25308", "YAN, Xiaobing", "SDNTK", "XBT"));
        assertThat(result.hitsOf(funnull)).extracting(SanctionsHit::currency).containsExactly("TRX", "USDT");
        assertThat(result.hitsOf(notYan)).isEmpty();
        assertThat(result.hits()).hasSize(4);

        Document page = page("/admin/sanctions", "admin");
        assertThat(page.selectFirst("#sanctions-list").text()).contains("2026-11-27").contains("7");
        assertThat(jdbc.sql("SELECT after_value FROM audit_event WHERE action = 'SANCTIONS_LIST_IMPORTED' ORDER BY id DESC")
                .query(String.class).list().get(0)).contains("2026-11-27").contains("4 entries").contains("7 digital-currency addresses");
    }

    @Test
    void hostileOrBrokenFilesAreRefusedWithAClearAnswerAndTheListInForceStays() throws Exception {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE sdnList [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <sdnList><sdnEntry><uid>1</uid><lastName>&lol3;</lastName></sdnEntry></sdnList>""";
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE sdnList [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <sdnList><sdnEntry><uid>1</uid><lastName>&secret;</lastName></sdnEntry></sdnList>""";
        String undeclaredEntity = "<sdnList><sdnEntry><uid>1</uid><lastName>&secret;</lastName></sdnEntry></sdnList>";
        String notSdn = "<html><body>Please verify you are not a robot</body></html>";
        String empty = "<sdnList xmlns=\"https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML\"/>";

        assertRefused(laughs, 400, "DOCTYPE");
        assertRefused(external, 400, "DOCTYPE");
        assertRefused(undeclaredEntity, 400, "The entity \"secret\" was referenced, but not declared");
        assertRefused(notSdn, 400, "not an OFAC SDN list");
        assertRefused(empty, 400, "no sdnEntry");
        assertRefused("{\"list\": []}", 400, "not well-formed");
        String huge = "<sdnList>" + "<sdnEntry><uid>1</uid><lastName>PADDING</lastName></sdnEntry>".repeat(20_000) + "</sdnList>";
        assertRefused(huge, 413, "At most 1 MB");

        MockHttpServletResponse page = mvc.perform(multipart("/admin/sanctions")
                        .file(new MockMultipartFile("file", "sdn.xml", "application/xml", laughs.getBytes(StandardCharsets.UTF_8)))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(Jsoup.parse(page.getContentAsString()).selectFirst("#sanctions-error").text())
                .startsWith("Nothing was imported: The file declares a DOCTYPE");

        assertThat(screening.currentList().orElseThrow().publishDate()).isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void aTargetFiledOnTheListShowsItsHitOnTheCaseAndReviewPagesAndInTheApi() throws Exception {
        String reference = story.file(Filings.target("ETH", "ETH", LAZARUS_ETH.toLowerCase(), "all"),
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "100"));

        Document casePage = page("/cases/" + reference, "agency");
        assertThat(casePage.selectFirst("#sanctions-1").text()).contains("1 sanctions hit(s)").contains("2026-11-27")
                .contains("LAZARUS GROUP").contains("DPRK3").contains(LAZARUS_ETH);

        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("legalReview")
                .singleResult().getId();
        Document review = page("/review/" + taskId, "legal");
        assertThat(review.selectFirst("#sanctions").text()).contains("LAZARUS GROUP").contains("DPRK3").contains("2026-11-27");

        JsonNode screeningDocument = api("/api/v1/cases/" + reference).get("requests").get(0).get("sanctionsScreening");
        assertThat(screeningDocument.get("screened").asBoolean()).isTrue();
        assertThat(screeningDocument.get("listDate").asText()).isEqualTo("2026-11-27");
        assertThat(screeningDocument.get("hits")).hasSize(1);
        assertThat(screeningDocument.get("hits").get(0).get("entryName").asText()).isEqualTo("LAZARUS GROUP");
        assertThat(screeningDocument.get("hits").get(0).get("programmes").asText()).isEqualTo("DPRK3");
        assertThat(screeningDocument.get("hits").get(0).get("line").asInt()).isEqualTo(1);

        assertThat(jdbc.sql("SELECT after_value FROM audit_event WHERE action = 'SANCTIONS_HITS' AND case_reference = ?")
                .param(reference).query(String.class).single()).contains("LAZARUS GROUP").contains("SDN list of 2026-11-27");
    }

    @Test
    void targetsImportedFromACsvFileAreScreenedToo() throws Exception {
        MockHttpServletResponse accepted = mvc.perform(post("/api/v1/imports").contentType("text/csv").header("X-File-Name", "leads.csv")
                        .content(String.join("\n", TargetFiles.HEADER, "TRON,USDT," + FUNNULL_TRON + ",5000,,", "BTC,BTC," + YAN_BTC + ",1.5,,",
                                "ETH,USDT," + Filings.OKX_ETH_ADDRESS + ",10,,") + "\n")
                        .with(bearerOf(context, "agency")))
                .andExpect(status().isAccepted()).andReturn().getResponse();
        String location = accepted.getHeader("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> !api(location).get("state").asText().equals("CHECKING"));
        String filing = json.writeValueAsString(Map.of("title", "Scam proceeds", "incidentSummary", "Pig-butchering deposits",
                "legalBasis", "Statute 1", "urgency", "URGENT", "importId", api(location).get("id").asText()));
        JsonNode created = json.readTree(mvc.perform(post("/api/v1/cases").contentType(MediaType.APPLICATION_JSON).content(filing)
                        .with(bearerOf(context, "agency")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        JsonNode hits = created.get("requests").get(0).get("sanctionsScreening").get("hits");
        assertThat(hits).hasSize(3);
        assertThat(hits.findValuesAsText("entryName")).containsExactly("FUNNULL TECHNOLOGY INC.", "FUNNULL TECHNOLOGY INC.", "YAN, Xiaobing");
        assertThat(hits.findValuesAsText("programmes")).containsExactly("CYBER3", "CYBER3", "SDNTK");
        assertThat(page("/cases/" + created.get("reference").asText(), "agency").selectFirst("#sanctions-1").text())
                .contains("3 sanctions hit(s)").contains("FUNNULL TECHNOLOGY INC.").contains("YAN, Xiaobing");
    }

    @Test
    void aNewListScreensOpenCasesAgainAndAHitThatAppearsIsShownAndAudited() throws Exception {
        String reference = story.file(Filings.target("ETH", "USDC", LAZARUS_ETH_ADDED_LATER, "2500000"));
        assertThat(page("/cases/" + reference, "agency").selectFirst("#sanctions-1").text())
                .contains("No target is on the OFAC SDN list of 2026-11-27");

        Instant imported = Instant.now();
        MockHttpServletResponse upload = mvc.perform(multipart("/admin/sanctions")
                        .file(new MockMultipartFile("file", "SDN.XML", "application/xml", newerList()))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse();
        assertThat(upload.getStatus()).isEqualTo(302);
        story.awaitListenersOfEventsSince(imported);

        assertThat(page("/cases/" + reference, "agency").selectFirst("#sanctions-1").text())
                .contains("1 sanctions hit(s)").contains("2026-11-28").contains("LAZARUS GROUP").contains(LAZARUS_ETH_ADDED_LATER);
        assertThat(jdbc.sql("SELECT after_value FROM audit_event WHERE action = 'SANCTIONS_HIT_APPEARED' AND case_reference = ?")
                .param(reference).query(String.class).single()).contains("LAZARUS GROUP").contains("SDN list of 2026-11-28");

        // Back to the excerpt: the hit goes, and the record says so.
        importOverApi(excerpt());
        assertThat(page("/cases/" + reference, "agency").selectFirst("#sanctions-1").text()).contains("No target is on the OFAC SDN list");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'SANCTIONS_HIT_LIFTED' AND case_reference = ?")
                .param(reference).query(Long.class).single()).isEqualTo(1);
    }

    private void importOverApi(byte[] file) throws Exception {
        Instant since = Instant.now();
        mvc.perform(post("/api/v1/admin/sanctions").contentType(MediaType.APPLICATION_XML).content(file).with(bearerOf(context, "admin")))
                .andExpect(status().isOk());
        story.awaitListenersOfEventsSince(since);
    }

    private void assertRefused(String body, int status, String message) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/api/v1/admin/sanctions").contentType(MediaType.APPLICATION_XML)
                        .content(body.getBytes(StandardCharsets.UTF_8)).with(bearerOf(context, "admin")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(body.substring(0, Math.min(body.length(), 60))).isEqualTo(status);
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("file");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains(message);
    }

    private Document page(String path, String username) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode api(String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(bearerOf(context, "agency"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }
}
