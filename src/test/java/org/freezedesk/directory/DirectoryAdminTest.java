package org.freezedesk.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.freezedesk.support.Keys.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.directory.internal.Attribution;
import org.freezedesk.directory.internal.AttributionRepository;
import org.freezedesk.directory.internal.ServedAsset;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.Keys;
import org.freezedesk.support.TargetFiles;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The admin's directory pages: bad input is named next to its field, kept, and stores nothing. */
@FreezeDeskTest
class DirectoryAdminTest {

    private static final String PAYPAL_USD = "0x6c3ea9036406852006290770BEdFcAbA0e23A0e8";

    @Autowired MockMvc mvc;
    @Autowired StaffUserRepository users;
    @Autowired CounterpartyRepository counterparties;
    @Autowired AttributionRepository attributions;
    @Autowired TargetRouter router;
    @Autowired AddressValidator addresses;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @Test
    void onlyAdminsSeeTheDirectory() throws Exception {
        mvc.perform(get("/admin/directory").with(user(users.loadUserByUsername("agency")))).andExpect(status().isForbidden());
        Document list = page(get("/admin/directory"));
        assertThat(list.select("#counterparties tbody tr td:first-child").eachText()).contains("Tether", "Binance");
    }

    @Test
    void invalidCounterpartyIsShownAgainWithEachErrorNextToItsFieldAndNothingIsStored() throws Exception {
        Document form = page(post("/admin/directory").params(params(pairs(
                "name", "Paxos", "kind", "ISSUER", "jurisdiction", "", "responseSlaHours", "0",
                "contacts[0].name", "Compliance", "contacts[0].email", "compliance-at-paxos",
                "contacts[1].name", "Desk", "contacts[1].email", "desk@paxos.example.org",
                "assets[0].chain", "ETH", "assets[0].asset", "USDP", "assets[0].tokenContract", "0x8E870D67F660D95d5be530380D0eC0bd388289E"))));

        assertThat(error(form, "jurisdiction")).isEqualTo("Enter the jurisdiction, such as Cayman Islands");
        assertThat(error(form, "responseSlaHours")).isEqualTo("At least 1 hour");
        assertThat(error(form, "contacts0.email")).isEqualTo("Enter an e-mail address such as compliance@exchange.example");
        assertThat(error(form, "assets0.tokenContract")).startsWith("Token contract: Ethereum address is truncated");
        assertThat(form.text()).contains("Choose the primary contact");
        assertThat(form.selectFirst("#name").val()).isEqualTo("Paxos");
        assertThat(form.selectFirst("#contacts1\\.email").val()).isEqualTo("desk@paxos.example.org");
        assertThat(counterparties.findByName("Paxos")).isEmpty();
    }

    @Test
    void exchangeCannotNameATokenContractAndNamesAreUnique() throws Exception {
        Document form = page(post("/admin/directory").params(params(pairs(
                "name", "Binance", "kind", "EXCHANGE", "jurisdiction", "Malta", "responseSlaHours", "48",
                "contacts[0].name", "Desk", "contacts[0].email", "desk@example.org", "primaryContact", "0",
                "assets[0].chain", "ETH", "assets[0].asset", "*", "assets[0].tokenContract", PAYPAL_USD))));

        assertThat(error(form, "name")).isEqualTo("Another counterparty has this name");
        assertThat(error(form, "assets0.tokenContract")).isEqualTo("Only an issuer freezes by token contract; leave it empty");
    }

    @Test
    void newIssuerIsStoredWithItsPrimaryContactAndFromThenOnRoutesItsToken() throws Exception {
        mvc.perform(post("/admin/directory").params(params(pairs(
                        "name", "Paxos Trust", "kind", "ISSUER", "jurisdiction", "United States", "responseSlaHours", "36",
                        "legalRequirements", "Needs a subpoena or court order",
                        "contacts[0].name", "Compliance", "contacts[0].email", "Compliance@Paxos.example.org",
                        "contacts[1].name", "Legal", "contacts[1].email", "legal@paxos.example.org", "primaryContact", "1",
                        "assets[0].chain", "ETH", "assets[0].asset", "pyusd", "assets[0].tokenContract", PAYPAL_USD.toLowerCase())))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());

        Counterparty paxos = counterparties.findByName("Paxos Trust").orElseThrow();
        assertThat(paxos.legalRequirements()).isEqualTo("Needs a subpoena or court order");
        assertThat(counterparties.contacts(paxos.id())).extracting(Contact::email, Contact::primary)
                .containsExactly(tuple("legal@paxos.example.org", true),
                        tuple("compliance@paxos.example.org", false));
        assertThat(counterparties.assets(paxos.id())).containsExactly(new ServedAsset("ETH", "PYUSD", PAYPAL_USD));
        RouteKey pyusd = new RouteKey("ETH", "PYUSD", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        assertThat(router.route(List.of(pyusd)).get(pyusd)).extracting(Route::counterpartyName).containsExactly("Paxos Trust");
        String paxosKey = Keys.ofCounterparty(context, paxos.id());
        assertThat(mvc.perform(get("/api/v1/counterparty/requests").with(bearer(paxosKey))).andReturn().getResponse().getStatus())
                .isEqualTo(200);

        mvc.perform(post("/admin/directory/" + paxos.id()).params(params(pairs(
                        "name", "Paxos Trust", "kind", "ISSUER", "jurisdiction", "United States", "responseSlaHours", "36",
                        "_active", "on", "contacts[0].name", "Legal", "contacts[0].email", "legal@paxos.example.org", "primaryContact", "0",
                        "assets[0].chain", "ETH", "assets[0].asset", "PYUSD", "assets[0].tokenContract", PAYPAL_USD)))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(counterparties.findById(paxos.id()).orElseThrow().active()).as("an unticked box (only its marker field is sent) means inactive").isFalse();
        assertThat(mvc.perform(get("/api/v1/counterparty/requests").with(bearer(paxosKey))).andReturn().getResponse().getStatus())
                .as("its system is cut off with it").isEqualTo(401);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key WHERE counterparty_id = ? AND revoked_by = 'admin'").param(paxos.id())
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(mvc.perform(post("/admin/directory/{id}/keys", paxos.id()).param("name", "again").param("expiresOn",
                        LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()).with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andReturn().getResponse().getStatus()).as("an inactive counterparty gets no new key").isEqualTo(409);
        assertThat(page(get("/admin/directory/" + paxos.id() + "/keys")).select("#inactive")).isNotEmpty();
        assertThat(router.route(List.of(pyusd)).get(pyusd)).as("inactive counterparties are not routed to").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'COUNTERPARTY_UPDATED' AND object_id = ?")
                .param(String.valueOf(paxos.id())).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void attributionFileWithABadLineIsNotImportedAtAllAndTheLineIsNamed() throws Exception {
        List<String> fresh = TargetFiles.ethAddresses(2, 2718);
        String file = "chain,address,exchange,source,date\n"
                + "ETH," + fresh.get(0) + ",Kraken,Arkham label,2026-02-01\n"
                + "ETH," + fresh.get(1) + ",Tether,Arkham label,2026-02-01\n";
        Document page = page(multipart("/admin/directory/attributions")
                .file(new MockMultipartFile("file", "labels.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8))));

        assertThat(page.select("#problems tbody tr").eachText())
                .containsExactly("3 exchange Tether is an issuer; addresses are attributed to exchanges");
        assertThat(attributions.search(fresh.get(0))).isEmpty();

        mvc.perform(multipart("/admin/directory/attributions").file(new MockMultipartFile("file", "labels.csv", "text/csv",
                        file.replace(",Tether,", ",OKX,").getBytes(StandardCharsets.UTF_8)))
                        .with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(attributions.search(fresh.get(1))).extracting(Attribution::counterpartyName, Attribution::address)
                .containsExactly(tuple("OKX", addresses.checkAddress(Chain.ETH, fresh.get(1)).normalized()));
    }

    @Test
    void demoTokenContractsAndAttributedAddressesAreValidOnTheirChains() {
        for (Counterparty counterparty : counterparties.findAll()) {
            for (ServedAsset asset : counterparties.assets(counterparty.id())) {
                if (asset.tokenContract() != null) {
                    assertThat(addresses.checkAddress(Chain.valueOf(asset.chain()), asset.tokenContract()).normalized())
                            .as(counterparty.name() + " " + asset).isEqualTo(asset.tokenContract());
                }
            }
        }
        for (Attribution attribution : attributions.latest(1000)) {
            assertThat(addresses.checkAddress(Chain.valueOf(attribution.chain()), attribution.address()).normalized())
                    .as(attribution.toString()).isEqualTo(attribution.address());
        }
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request.with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static String error(Document form, String id) {
        assertThat(form.getElementById(id).hasClass("is-invalid")).as(id + " is marked invalid").isTrue();
        return form.getElementById(id).parent().selectFirst(".invalid-feedback").text();
    }

    private static Map<String, String> pairs(String... namesAndValues) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            pairs.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return pairs;
    }

    private static MultiValueMap<String, String> params(Map<String, String> values) {
        LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        values.forEach(params::add);
        return params;
    }
}
