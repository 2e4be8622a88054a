package org.freezedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.freezedesk.support.Keys.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.security.internal.ApiKeyRepository;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.Keys;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

@FreezeDeskTest
class ApiKeysTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApiKeys keys;
    @Autowired StaffUserRepository users;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired PasswordEncoder encoder;
    @Autowired ApplicationContext context;

    @Test
    void aKeyIsShownOnceStoredAsItsHashWorksUntilRevokedAndEveryChangeIsAudited() throws Exception {
        StaffUser agency = users.loadUserByUsername("agency");
        ApiKeyForm form = Keys.form(Set.of(Role.AGENCY));
        form.setName("Case system " + System.nanoTime());
        Document page = Jsoup.parse(mvc.perform(post("/account/keys").with(user(agency)).with(csrf())
                .param("name", form.getName()).param("scopes", "AGENCY").param("expiresOn", form.getExpiresOn()))
                .andReturn().getResponse().getContentAsString());
        String secret = page.select("input[aria-label=The new key]").val();
        assertThat(secret).startsWith(ApiKeys.PREFIX).hasSizeGreaterThan(40);

        ApiKey key = keys.ofUser("agency").stream().filter(k -> k.name().equals(form.getName())).findFirst().orElseThrow();
        String stored = jdbc.sql("SELECT secret_hash FROM api_key WHERE id = ?").param(key.id()).query(String.class).single();
        assertThat(stored).isEqualTo(ApiKeyRepository.hashOf(secret)).doesNotContain(secret.substring(ApiKeys.PREFIX.length()));
        assertThat(Jsoup.parse(mvc.perform(get("/account/keys").with(user(agency))).andReturn().getResponse().getContentAsString())
                .text()).as("the list shows the key but never its secret again").contains(form.getName()).doesNotContain(secret);
        assertThat(key.lastUsedAt()).isNull();

        assertThat(status(get("/api/v1/stats").with(bearer(secret)))).isEqualTo(200);
        OffsetDateTime used = keys.ofUser("agency").stream().filter(k -> k.id() == key.id()).findFirst().orElseThrow().lastUsedAt();
        assertThat(used).as("the last use is recorded").isNotNull();
        assertThat(status(get("/api/v1/stats").with(bearer(secret)))).isEqualTo(200);
        assertThat(keys.ofUser("agency").stream().filter(k -> k.id() == key.id()).findFirst().orElseThrow().lastUsedAt())
                .as("at most once a minute").isEqualTo(used);

        assertThat(status(post("/account/keys/" + key.id() + "/revoke").with(user(users.loadUserByUsername("agency2"))).with(csrf())))
                .as("another user's key").isEqualTo(404);
        assertThat(status(get("/api/v1/stats").with(bearer(secret)))).isEqualTo(200);
        assertThat(status(post("/account/keys/" + key.id() + "/revoke").with(user(agency)).with(csrf()))).isEqualTo(302);
        MockHttpServletResponse revoked = mvc.perform(get("/api/v1/stats").with(bearer(secret))).andReturn().getResponse();
        assertThat(revoked.getStatus()).isEqualTo(401);
        assertThat(revoked.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(revoked.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);

        List<String> events = jdbc.sql("SELECT action FROM audit_event WHERE object_type = 'api_key' AND object_id = ? ORDER BY id")
                .param(String.valueOf(key.id())).query(String.class).list();
        assertThat(events).containsExactly("API_KEY_CREATED", "API_KEY_REVOKED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE after_value LIKE ? OR before_value LIKE ?")
                .params("%" + secret + "%", "%" + secret + "%").query(Integer.class).single()).as("no secret in the record").isZero();
    }

    @Test
    void aKeyedCallLeavesNoSessionBehind() throws Exception {
        long sessions = jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
        MockHttpServletResponse response = mvc.perform(get("/api/v1/stats").with(Keys.bearerOf(context, "agency")))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getCookie("SESSION")).as("no session cookie").isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single()).as("no session row written")
                .isEqualTo(sessions);
    }

    @Test
    void anExpiredOrUnknownKeyIsRefusedAndAPasswordOpensNoApi() throws Exception {
        String secret = Keys.of(context(), "auditor");
        assertThat(status(get("/api/v1/audit/head").with(bearer(secret)))).isEqualTo(200);
        jdbc.sql("UPDATE api_key SET expires_at = ? WHERE secret_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), ApiKeyRepository.hashOf(secret)).update();
        assertThat(status(get("/api/v1/audit/head").with(bearer(secret)))).as("expired").isEqualTo(401);
        assertThat(status(get("/api/v1/audit/head").with(bearer(ApiKeys.PREFIX + "made-up")))).as("unknown").isEqualTo(401);

        MockHttpServletResponse basic = mvc.perform(get("/api/v1/audit/head").with(httpBasic("auditor", "auditor"))).andReturn().getResponse();
        assertThat(basic.getStatus()).as("HTTP Basic with the right password").isEqualTo(401);
        assertThat(basic.getHeader(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
        assertThat(status(get("/actuator/prometheus").with(httpBasic("admin", "admin")))).isEqualTo(401);
    }

    @Test
    void aKeyHasTheRolesItWasGivenThatItsUserStillHoldsAndNothingOnceTheAccountIsDeactivated() throws Exception {
        String username = "keyed-" + System.nanoTime();
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, agency, demo) VALUES (?, ?, ?, ?, TRUE)")
                .params(username, encoder.encode("unused password 1"), username, "National Cyber Crime Unit").update();
        for (Role role : List.of(Role.AGENCY, Role.LEGAL)) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
        }
        String agencyOnly = Keys.of(context(), username, EnumSet.of(Role.AGENCY));
        String both = Keys.of(context(), username, EnumSet.of(Role.AGENCY, Role.LEGAL));
        assertThat(status(get("/api/v1/stats").with(bearer(agencyOnly)))).isEqualTo(200);
        assertThatThrownBy(() -> keys.createForUser(users.loadUserByUsername(username), Keys.form(Set.of(Role.ADMIN))))
                .isInstanceOf(ApiKeyProblem.class).hasMessageContaining("ADMIN");

        String address = "{\"chain\":\"ETH\",\"address\":\"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\"}";
        jdbc.sql("DELETE FROM app_user_role WHERE username = ? AND role = 'AGENCY'").param(username).update();
        assertThat(status(get("/api/v1/stats").with(bearer(both)))).as("the role taken away is gone from its keys").isEqualTo(403);
        assertThat(status(post("/api/v1/addresses/validate").with(bearer(both)).contentType(MediaType.APPLICATION_JSON).content(address)))
                .as("the role it keeps still works").isEqualTo(200);
        assertThat(status(post("/api/v1/addresses/validate").with(bearer(agencyOnly)).contentType(MediaType.APPLICATION_JSON)
                .content(address))).as("a key never gains a role it was not given").isEqualTo(403);

        jdbc.sql("UPDATE app_user SET enabled = FALSE WHERE username = ?").param(username).update();
        assertThat(status(post("/api/v1/addresses/validate").with(bearer(both)).contentType(MediaType.APPLICATION_JSON).content(address)))
                .as("a deactivated account's key").isEqualTo(401);
    }

    @Test
    void aNewKeyIsRefusedFieldByFieldOverTheApiAndNothingIsStored() throws Exception {
        String secret = Keys.of(context(), "legal");
        int before = jdbc.sql("SELECT COUNT(*) FROM api_key").query(Integer.class).single();
        String farOff = LocalDate.now(ZoneOffset.UTC).plusDays(ApiKeys.MAX_DAYS + 1).toString();
        for (String[] refused : List.of(
                new String[] {"{\"name\":\"x\",\"scopes\":[\"LEGAL\"],\"expiresOn\":\"" + farOff + "\"}", "expiresOn"},
                new String[] {"{\"name\":\"x\",\"scopes\":[\"LEGAL\"]}", "expiresOn"},
                new String[] {"{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":[\"LEGAL\"],\"expiresOn\":\"2099-01-01\"}", "name"},
                new String[] {"{\"name\":\"x\",\"scopes\":[],\"expiresOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(3) + "\"}", "scopes"},
                new String[] {"{\"name\":\"x\",\"scopes\":[\"AGENCY\"],\"expiresOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(3) + "\"}",
                        "scopes"})) {
            MockHttpServletResponse response = mvc.perform(post("/api/v1/keys").with(bearer(secret))
                    .contentType(MediaType.APPLICATION_JSON).content(refused[0])).andReturn().getResponse();
            assertThat(response.getStatus()).as(refused[0]).isEqualTo(400);
            assertThat(json.readTree(response.getContentAsString()).get("errors").findValuesAsText("field")).containsExactly(refused[1]);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM api_key").query(Integer.class).single()).isEqualTo(before);

        MockHttpServletResponse created = mvc.perform(post("/api/v1/keys").with(bearer(secret)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Review robot\",\"scopes\":[\"LEGAL\"],\"expiresOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(3)
                        + "\"}")).andReturn().getResponse();
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode issued = json.readTree(created.getContentAsString());
        assertThat(issued.get("secret").asText()).startsWith(ApiKeys.PREFIX);
        assertThat(status(get("/api/v1/keys").with(bearer(issued.get("secret").asText())))).isEqualTo(200);
        MockHttpServletResponse twin = mvc.perform(post("/api/v1/keys").with(bearer(secret)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Review robot\",\"scopes\":[\"LEGAL\"],\"expiresOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(3)
                        + "\"}")).andReturn().getResponse();
        assertThat(twin.getStatus()).as("the same name twice").isEqualTo(400);
        assertThat(twin.getContentAsString()).contains("already have a key named");
    }

    private ApplicationContext context() {
        return context;
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }
}
