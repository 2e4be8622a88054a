package org.freezedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.freezedesk.support.Totp;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * An admin registers an agency and a legal unit and creates their accounts; each account chooses its password through
 * a one-time link, sets up its second factor, and signs in with it (or, once, with a recovery code).
 */
@FreezeDeskTest
class AccountAdministrationTest {

    private static final Pattern RESET_LINK = Pattern.compile("/password-reset/[A-Za-z0-9_-]{43}");
    private static final String PASSWORD = "correct horse battery";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    private String suffix;
    private String domain;

    @BeforeEach
    void names() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        domain = "unit-" + suffix + ".example.org";
    }

    @Test
    void adminRegistersAgencyAndLegalUnitAndCreatesTheirAccountsEveryChangeAudited() throws Exception {
        long agencyId = registerAgency("Cyber Unit " + suffix, domain);
        JsonNode unit = api(post("/api/v1/admin/legal-units"),
                "{\"name\":\"Legal " + suffix + "\",\"agencyIds\":[" + agencyId + "]}", 201);
        assertThat(unit.get("servedAgencies").get(0).asText()).isEqualTo("Cyber Unit " + suffix);

        JsonNode investigator = createAccount("inv-" + suffix, "inv@" + domain, "AGENCY", "\"agency\":\"Cyber Unit " + suffix + "\"");
        assertThat(investigator.get("agency").asText()).isEqualTo("Cyber Unit " + suffix);
        JsonNode officer = createAccount("law-" + suffix, "law@legal.example.org", "LEGAL", "\"legalUnitId\":" + unit.get("id").asLong());
        assertThat(officer.get("legalUnit").asText()).isEqualTo("Legal " + suffix);
        createAccount("aud-" + suffix, "aud@audit.example.org", "AUDITOR", null);

        assertThat(api(post("/api/v1/admin/agencies"), "{\"name\":\"Cyber Unit " + suffix
                + "\",\"jurisdiction\":\"X\",\"domains\":\"x.example.org\"}", 400).at("/errors/0/field").asText()).isEqualTo("name");
        assertThat(jdbc.sql("SELECT action FROM audit_event WHERE object_id IN (?, ?, ?, ?)")
                .params(String.valueOf(agencyId), "inv-" + suffix, "law-" + suffix, "aud-" + suffix).query(String.class).list())
                .contains("AGENCY_REGISTERED", "ACCOUNT_CREATED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'LEGAL_UNIT_CREATED' AND object_id = ?")
                .param(unit.get("id").asText()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anAgencyAccountsAddressMustBeInAVerifiedDomainOfItsAgencyAndNothingIsStoredOtherwise() throws Exception {
        registerAgency("Domain Unit " + suffix, domain);
        JsonNode refused = api(post("/api/v1/admin/accounts"), account("dom-" + suffix, "someone@gmail.example.com", "AGENCY",
                "\"agency\":\"Domain Unit " + suffix + "\""), 400);
        assertThat(refused.at("/errors/0/field").asText()).isEqualTo("email");
        assertThat(refused.get("detail").asText()).contains(domain);
        assertThat(mvc.perform(get("/api/v1/admin/accounts/dom-" + suffix).with(bearerOf(context, "admin"))).andReturn()
                .getResponse().getStatus()).isEqualTo(404);

        Document form = Jsoup.parse(mvc.perform(post("/admin/accounts").with(user(admin())).with(csrf())
                .param("username", "dom-" + suffix).param("displayName", "Dom").param("email", "dom@elsewhere.example.org")
                .param("roles", "AGENCY").param("agency", "Domain Unit " + suffix)).andReturn().getResponse().getContentAsString());
        assertThat(form.select("#email").val()).as("what was typed is kept").isEqualTo("dom@elsewhere.example.org");
        assertThat(form.select(".invalid-feedback").text()).contains("verified domain");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username = ?").param("dom-" + suffix).query(Integer.class).single())
                .isZero();
    }

    @Test
    void theMailedLinkSetsThePasswordOnceThenTheAccountEnrolsAndSignsInWithRightCodesOnly() throws Exception {
        registerAgency("Login Unit " + suffix, domain);
        String username = "login-" + suffix;
        createAccount(username, "login@" + domain, "AGENCY", "\"agency\":\"Login Unit " + suffix + "\"");
        String link = resetLink("login@" + domain);

        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(choosePassword(link, "short", "short").getContentAsString()).contains("at least 12 characters");
        assertThat(choosePassword(link, PASSWORD, PASSWORD).getRedirectedUrl()).isEqualTo("/login?password");
        assertThat(choosePassword(link, "another password!", "another password!").getStatus()).as("the link works once").isEqualTo(410);

        Session session = signIn(username, PASSWORD, "/login/enrol");
        assertThat(status(get("/cases"), session)).as("no page before the second factor").isEqualTo(403);
        String secret = Jsoup.parse(session.perform(get("/login/enrol")).getContentAsString())
                .select("#secret").text();
        assertThat(session.perform(post("/login/enrol").with(csrf()).param("code", Totp.wrong(secret))).getContentAsString()).contains("That code is wrong");
        Document codes = Jsoup.parse(session.perform(post("/login/enrol").with(csrf()).param("code", Totp.now(secret))).getContentAsString());
        List<String> recoveryCodes = codes.select("#recovery-codes li").eachText();
        assertThat(recoveryCodes).hasSize(10);
        assertThat(status(get("/cases"), session)).isEqualTo(200);
        assertThat(jdbc.sql("SELECT code_hash FROM recovery_code WHERE username = ?").param(username).query(String.class).list())
                .as("only hashes are stored").hasSize(10).doesNotContainAnyElementsOf(recoveryCodes);

        Session second = signIn(username, PASSWORD, "/login/second-factor");
        assertThat(secondFactor(second, Totp.wrong(secret)).getContentAsString()).contains("That code is wrong");
        assertThat(status(get("/cases"), second)).isEqualTo(403);
        assertThat(secondFactor(second, Totp.next(secret)).getRedirectedUrl()).isEqualTo("/");
        assertThat(status(get("/cases"), second)).isEqualTo(200);

        Session replay = signIn(username, PASSWORD, "/login/second-factor");
        assertThat(secondFactor(replay, Totp.next(secret)).getContentAsString()).as("a used code does not sign in again")
                .contains("That code is wrong");

        Session recovered = signIn(username, PASSWORD, "/login/second-factor");
        assertThat(secondFactor(recovered, recoveryCodes.get(3)).getRedirectedUrl()).isEqualTo("/");
        Session again = signIn(username, PASSWORD, "/login/second-factor");
        assertThat(secondFactor(again, recoveryCodes.get(3)).getContentAsString()).as("a recovery code works once")
                .contains("That code is wrong");
        assertThat(secondFactor(again, recoveryCodes.get(4)).getRedirectedUrl()).isEqualTo("/");

        assertThat(mvc.perform(get("/api/v1/stats").with(httpBasic(username, PASSWORD))).andReturn().getResponse().getStatus())
                .as("a password alone opens no API").isEqualTo(401);
    }

    @Test
    void aDeactivatedAccountCannotSignInAndAResetPasswordStopsWorkingUntilTheNewLinkIsUsed() throws Exception {
        registerAgency("Off Unit " + suffix, domain);
        String username = "off-" + suffix;
        createAccount(username, "off@" + domain, "AGENCY", "\"agency\":\"Off Unit " + suffix + "\"");
        choosePassword(resetLink("off@" + domain), PASSWORD, PASSWORD);
        signIn(username, PASSWORD, "/login/enrol");

        api(post("/api/v1/admin/accounts/" + username + "/password-reset"), null, 202);
        assertThat(signInRedirect(username, PASSWORD)).as("the old password stops at once").isEqualTo("/login?error");
        String link = resetLink("off@" + domain);
        choosePassword(link, "a brand new password", "a brand new password");
        signIn(username, "a brand new password", "/login/enrol");

        JsonNode deactivated = api(post("/api/v1/admin/accounts/" + username + "/deactivate"), null, 200);
        assertThat(deactivated.get("enabled").asBoolean()).isFalse();
        assertThat(signInRedirect(username, "a brand new password")).isEqualTo("/login?error");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE object_id = ? AND action IN ('ACCOUNT_DEACTIVATED', "
                + "'PASSWORD_RESET_SENT', 'PASSWORD_CHOSEN')").param(username).query(Integer.class).single()).isEqualTo(4);
    }

    @Test
    void onlyAnAdminReachesTheAdministration() throws Exception {
        assertThat(mvc.perform(get("/admin/accounts").with(user(admin()))).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/admin/agencies").with(user(admin()))).andReturn().getResponse().getContentAsString())
                .contains("National Cyber Crime Unit").contains("ncu.example.org");
        for (String other : List.of("agency", "legal", "chief", "auditor")) {
            assertThat(mvc.perform(get("/admin/accounts").with(bearerOf(context, other))).andReturn().getResponse().getStatus())
                    .isIn(302, 401, 403);
            assertThat(mvc.perform(get("/api/v1/admin/accounts").with(bearerOf(context, other))).andReturn().getResponse().getStatus())
                    .isEqualTo(403);
        }
    }

    private long registerAgency(String name, String verifiedDomain) throws Exception {
        JsonNode agency = api(post("/api/v1/admin/agencies"),
                "{\"name\":\"" + name + "\",\"jurisdiction\":\"Testland\",\"domains\":\"" + verifiedDomain + "\"}", 201);
        assertThat(agency.get("vettedBy").asText()).isEqualTo("admin");
        assertThat(agency.get("domains").get(0).asText()).isEqualTo(verifiedDomain);
        return agency.get("id").asLong();
    }

    private JsonNode createAccount(String username, String email, String role, String membership) throws Exception {
        return api(post("/api/v1/admin/accounts"), account(username, email, role, membership), 201);
    }

    private static String account(String username, String email, String role, String membership) {
        return "{\"username\":\"" + username + "\",\"displayName\":\"" + username + "\",\"email\":\"" + email + "\",\"roles\":[\"" + role
                + "\"]" + (membership == null ? "" : "," + membership) + "}";
    }

    private JsonNode api(MockHttpServletRequestBuilder request, String body, int expectedStatus) throws Exception {
        request.with(bearerOf(context, "admin"));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expectedStatus);
        String content = response.getContentAsString();
        return content.isEmpty() ? null : json.readTree(content);
    }

    private String resetLink(String recipient) throws Exception {
        MimeMessage[] messages = greenMail.getReceivedMessages();
        for (int i = messages.length - 1; i >= 0; i--) {
            if (messages[i].getAllRecipients()[0].toString().equals(recipient)) {
                Matcher link = RESET_LINK.matcher(GreenMailUtil.getBody(messages[i]));
                assertThat(link.find()).isTrue();
                return link.group();
            }
        }
        throw new AssertionError("no mail to " + recipient);
    }

    private MockHttpServletResponse choosePassword(String link, String password, String repeated) throws Exception {
        return mvc.perform(post(link).with(csrf()).param("password", password).param("repeated", repeated)).andReturn().getResponse();
    }

    /** A browser's session: Spring Session keeps it in the database and finds it by its cookie, which may change. */
    private final class Session {

        private Cookie cookie;

        MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
            if (cookie != null) {
                request.cookie(cookie);
            }
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            if (response.getCookie("SESSION") != null) {
                cookie = response.getCookie("SESSION");
            }
            return response;
        }
    }

    private Session signIn(String username, String password, String expectedNext) throws Exception {
        Session session = new Session();
        MockHttpServletResponse response = session.perform(post("/login").with(csrf()).param("username", username)
                .param("password", password));
        assertThat(response.getRedirectedUrl()).isEqualTo(expectedNext);
        return session;
    }

    private String signInRedirect(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password)).andReturn()
                .getResponse().getRedirectedUrl();
    }

    private MockHttpServletResponse secondFactor(Session session, String code) throws Exception {
        return session.perform(post("/login/second-factor").with(csrf()).param("code", code));
    }

    private int status(MockHttpServletRequestBuilder request, Session session) throws Exception {
        return session.perform(request).getStatus();
    }

    private StaffUser admin() {
        return new StaffUser("admin", "", true, "Sam Operator", null, java.util.Set.of(Role.ADMIN));
    }
}
