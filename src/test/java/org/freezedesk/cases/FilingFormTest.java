package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Year;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.HistoryService;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The filing form and the JSON API refuse bad input field by field, keep what was typed, and store nothing. */
@FreezeDeskTest
class FilingFormTest {

    /** {@link Filings#ETH_ADDRESS} with one letter's case flipped: still hex, but the EIP-55 checksum fails. */
    private static final String BROKEN_CHECKSUM = "0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired StaffUserRepository users;
    @Autowired CounterpartyRepository counterparties;
    @Autowired HistoryService historyService;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    private StaffUser agency;

    @BeforeEach
    void setUp() {
        agency = users.loadUserByUsername("agency");
    }

    @Test
    void badFormShowsEachErrorBesideItsFieldKeepsWhatWasTypedAndStoresNothing() throws Exception {
        Map<String, Long> before = stored();

        MockHttpServletResponse response = mvc.perform(filing()
                        .param("title", "")
                        .param("targets[0].chain", "ETH")
                        .param("targets[0].asset", "US DT")
                        .param("targets[0].address", BROKEN_CHECKSUM)
                        .param("targets[0].amount", "abc"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.text()).contains("The request was not saved");

        assertThat(errorBeside(page, "input[name=title]")).isEqualTo("Enter a case title");
        assertThat(errorBeside(page, "input[name=\"targets[0].address\"]"))
                .contains("EIP-55 checksum does not match");
        assertThat(errorBeside(page, "input[name=\"targets[0].amount\"]")).isEqualTo("Enter a number such as 1250.5, or 'all'");
        assertThat(errorBeside(page, "input[name=\"targets[0].asset\"]")).isEqualTo("Enter the asset symbol, such as BTC or USDT");
        assertThat(page.select(".is-invalid")).extracting(e -> e.attr("name")).containsExactlyInAnyOrder(
                "title", "targets[0].asset", "targets[0].address", "targets[0].amount");
        assertThat(page.select(".invalid-feedback")).extracting(Element::text).filteredOn(t -> !t.isBlank()).hasSize(4);

        assertThat(page.selectFirst("input[name=\"targets[0].address\"]").val()).isEqualTo(BROKEN_CHECKSUM);
        assertThat(page.selectFirst("input[name=\"targets[0].amount\"]").val()).isEqualTo("abc");
        assertThat(page.selectFirst("input[name=\"targets[0].asset\"]").val()).isEqualTo("US DT");
        assertThat(selected(page, "targets[0].chain")).isEqualTo("ETH");
        assertThat(page.selectFirst("textarea[name=incidentSummary]").text()).isEqualTo("Funds drained from a cold wallet.");
        assertThat(page.selectFirst("textarea[name=legalBasis]").text()).isEqualTo("Proceeds of Crime Act, s. 41");
        assertThat(page.selectFirst("input[name=courtOrderReference]").val()).isEqualTo("WARRANT-2026-77");
        assertThat(selected(page, "urgency")).isEqualTo("CRITICAL");
        assertThat(page.select("input[name=_csrf]")).as("the form can be sent again").isNotEmpty();

        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void typedTitleIsKeptWhenATargetIsRefused() throws Exception {
        Map<String, Long> before = stored();

        MockHttpServletResponse response = mvc.perform(filing()
                        .param("title", "Ronin bridge drain")
                        .param("targets[0].chain", "ETH")
                        .param("targets[0].asset", "USDT")
                        .param("targets[0].address", Filings.ETH_ADDRESS)
                        .param("targets[0].amount", "100")
                        .param("targets[1].chain", "BTC")
                        .param("targets[1].asset", "BTC")
                        .param("targets[1].address", BROKEN_CHECKSUM)
                        .param("targets[1].amount", "all"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.selectFirst("input[name=title]").val()).isEqualTo("Ronin bridge drain");
        assertThat(page.selectFirst("input[name=title]").hasClass("is-invalid")).isFalse();
        assertThat(page.selectFirst("input[name=\"targets[0].address\"]").val()).isEqualTo(Filings.ETH_ADDRESS);
        assertThat(page.selectFirst("input[name=\"targets[0].address\"]").hasClass("is-invalid")).as("the good row is not marked").isFalse();
        assertThat(page.selectFirst("input[name=\"targets[1].address\"]").val()).isEqualTo(BROKEN_CHECKSUM);
        assertThat(errorBeside(page, "input[name=\"targets[1].address\"]")).isNotBlank();
        assertThat(page.selectFirst("input[name=\"targets[1].amount\"]").val()).isEqualTo("all");
        assertThat(stored()).as("the good row alone is not stored either").isEqualTo(before);
    }

    @Test
    void anAmountFinerThanItsAssetIsRefusedInTheFormAndTheApi() throws Exception {
        RequestPostProcessor key = bearerOf(context, "agency");
        Map<String, Long> before = stored();

        Document page = Jsoup.parse(mvc.perform(filing()
                        .param("title", "Tron drain")
                        .param("targets[0].chain", "TRON")
                        .param("targets[0].asset", "USDT")
                        .param("targets[0].address", Filings.TRON_ADDRESS)
                        .param("targets[0].amount", "1.1234567"))
                .andReturn().getResponse().getContentAsString());
        assertThat(errorBeside(page, "input[name=\"targets[0].amount\"]")).isEqualTo("At most 6 decimal places: USDT on Tron has 6");
        assertThat(page.selectFirst("input[name=\"targets[0].amount\"]").val()).isEqualTo("1.1234567");

        MockHttpServletResponse api = mvc.perform(post("/api/v1/cases").with(key)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": "Tron drain", "incidentSummary": "Drained", "legalBasis": "PoCA s. 41", "urgency": "URGENT",
                                 "targets": [{"chain": "TRON", "asset": "USDT", "address": "%s", "amount": "1.1234567"}]}
                                """.formatted(Filings.TRON_ADDRESS)))
                .andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        JsonNode error = json.readTree(api.getContentAsString()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("targets[0].amount");
        assertThat(error.get("message").asText()).isEqualTo("At most 6 decimal places: USDT on Tron has 6");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void filingWithLinesPastedButNotCheckedIsRefusedRatherThanDroppingThem() throws Exception {
        Map<String, Long> before = stored();

        Document page = Jsoup.parse(mvc.perform(filing()
                        .param("title", "Pasted")
                        .param("targets[0].chain", "ETH")
                        .param("targets[0].asset", "USDT")
                        .param("targets[0].address", Filings.ETH_ADDRESS)
                        .param("targets[0].amount", "100")
                        .param("pastedLines", "chain,asset,address,amount,tx_hashes,note\nBTC,BTC,1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2,all,,\n"))
                .andReturn().getResponse().getContentAsString());
        assertThat(errorBeside(page, "textarea[name=pastedLines]")).startsWith("Check the pasted lines first");
        assertThat(page.selectFirst("textarea[name=pastedLines]").text()).contains("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void goodFormFilesTheCaseAndShowsItsTargets() throws Exception {
        long casesBefore = count("freeze_case");

        MockHttpServletResponse response = mvc.perform(filing()
                        .param("title", "Atomic Wallet theft")
                        .param("targets[0].chain", "ETH")
                        .param("targets[0].asset", "usdt")
                        .param("targets[0].address", Filings.ETH_ADDRESS.toLowerCase())
                        .param("targets[0].amount", "1000.50")
                        .param("targets[1].chain", "")
                        .param("targets[1].asset", "")
                        .param("targets[1].address", "")
                        .param("targets[1].amount", "")
                        .param("targets[2].chain", "TRON")
                        .param("targets[2].asset", "USDT")
                        .param("targets[2].address", Filings.TRON_ADDRESS)
                        .param("targets[2].amount", "all"))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).matches("/cases/FRZ-" + Year.now().getValue() + "-\\d{6}");
        String reference = response.getRedirectedUrl().substring("/cases/".length());
        assertThat(count("freeze_case")).isEqualTo(casesBefore + 1);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(1);

        MockHttpServletResponse casePage = mvc.perform(get("/cases/" + reference).with(user(agency))).andReturn().getResponse();
        assertThat(casePage.getStatus()).isEqualTo(200);
        String text = Jsoup.parse(casePage.getContentAsString()).text();
        assertThat(text).contains(reference, "Atomic Wallet theft", Filings.ETH_ADDRESS, Filings.TRON_ADDRESS, "1,000.5", "IN_REVIEW");
    }

    @Test
    void apiRefusesABadBodyFieldByFieldAndStoresNothing() throws Exception {
        RequestPostProcessor key = bearerOf(context, "agency");
        Map<String, Long> before = stored();

        MockHttpServletResponse response = mvc.perform(post("/api/v1/cases").with(key)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": " ", "incidentSummary": "Drained", "legalBasis": "PoCA s. 41", "urgency": "URGENT",
                                 "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "abc"}]}
                                """.formatted(BROKEN_CHECKSUM)))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode errors = json.readTree(response.getContentAsString()).get("errors");
        assertThat(errors.findValuesAsText("field")).contains("title", "targets[0].address", "targets[0].amount");
        for (JsonNode error : errors) {
            assertThat(error.get("message").asText()).as(error.get("field").asText()).isNotBlank();
        }
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void apiFilesAGoodBodyAndShowsItOnlyToTheFilersAgency() throws Exception {
        MockHttpServletResponse created = mvc.perform(post("/api/v1/cases").with(bearerOf(context, "agency"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"title": "Harmony bridge", "incidentSummary": "Multisig keys stolen", "legalBasis": "PoCA s. 41",
                                 "urgency": "CRITICAL",
                                 "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "2500.25"},
                                             {"chain": "BTC", "asset": "BTC", "address": "%s", "amount": "all"}]}
                                """.formatted(Filings.ETH_ADDRESS, Filings.BINANCE_BTC_ADDRESS)))
                .andReturn().getResponse();

        assertThat(created.getStatus()).isEqualTo(201);
        String location = created.getHeader("Location");
        assertThat(location).matches(".*/api/v1/cases/FRZ-\\d{4}-\\d{6}");
        String path = location.substring(location.indexOf("/api/v1/cases/"));

        MockHttpServletResponse fetched = mvc.perform(get(path).with(bearerOf(context, "agency"))).andReturn().getResponse();
        assertThat(fetched.getStatus()).isEqualTo(200);
        JsonNode document = json.readTree(fetched.getContentAsString());
        assertThat(document.get("reference").asText()).isEqualTo(path.substring("/api/v1/cases/".length()));
        JsonNode targets = document.get("requests").get(0).get("targets");
        assertThat(targets.findValuesAsText("address")).containsExactly(Filings.ETH_ADDRESS, Filings.BINANCE_BTC_ADDRESS);
        assertThat(targets.findValuesAsText("amount")).containsExactly("2500.25", "all");
        assertThat(document.get("requests").get(0).get("state").asText()).isEqualTo("IN_REVIEW");

        MockHttpServletResponse otherAgency = mvc.perform(get(path).with(bearerOf(context, "agency2"))).andReturn().getResponse();
        assertThat(otherAgency.getStatus()).isEqualTo(404);
        assertThat(otherAgency.getContentAsString()).doesNotContain(Filings.ETH_ADDRESS, "Harmony");
    }

    /** The filing form as an agency would send it, with the fields a test does not vary already filled in. */
    private MockHttpServletRequestBuilder filing() {
        return post("/cases").with(user(agency)).with(csrf())
                .param("incidentSummary", "Funds drained from a cold wallet.")
                .param("legalBasis", "Proceeds of Crime Act, s. 41")
                .param("courtOrderReference", "WARRANT-2026-77")
                .param("urgency", "CRITICAL");
    }

    /** The error text shown right after the field, in its invalid-feedback element. */
    private static String errorBeside(Document page, String fieldSelector) {
        Element field = page.selectFirst(fieldSelector);
        assertThat(field).as(fieldSelector).isNotNull();
        assertThat(field.hasClass("is-invalid")).as(fieldSelector + " is marked invalid").isTrue();
        Element feedback = field.nextElementSibling();
        assertThat(feedback).as("error beside " + fieldSelector).isNotNull();
        assertThat(feedback.hasClass("invalid-feedback")).as("error beside " + fieldSelector).isTrue();
        return feedback.text();
    }

    private static String selected(Document page, String selectName) {
        Element option = page.selectFirst("select[name=\"" + selectName + "\"] option[selected]");
        return option == null ? null : option.val();
    }

    private Map<String, Long> stored() {
        return Map.of("freeze_case", count("freeze_case"), "freeze_request", count("freeze_request"), "target", count("target"),
                "audit_event", count("audit_event"), "process instances", historyService.createHistoricProcessInstanceQuery().count());
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
