package org.freezedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.security.PermissionMatrixTest.Principal.ADMIN;
import static org.freezedesk.security.PermissionMatrixTest.Principal.ANONYMOUS;
import static org.freezedesk.security.PermissionMatrixTest.Principal.AUDITOR;
import static org.freezedesk.security.PermissionMatrixTest.Principal.COUNTERPARTY;
import static org.freezedesk.security.PermissionMatrixTest.Principal.FORMER_PARTNER;
import static org.freezedesk.security.PermissionMatrixTest.Principal.INVITED;
import static org.freezedesk.security.PermissionMatrixTest.Principal.LEGAL;
import static org.freezedesk.security.PermissionMatrixTest.Principal.LEGAL_ELSEWHERE;
import static org.freezedesk.security.PermissionMatrixTest.Principal.OTHER_AGENCY;
import static org.freezedesk.security.PermissionMatrixTest.Principal.OTHER_COUNTERPARTY;
import static org.freezedesk.security.PermissionMatrixTest.Principal.OWNER;
import static org.freezedesk.security.PermissionMatrixTest.Principal.PARTNER;
import static org.freezedesk.security.PermissionMatrixTest.Principal.TWO_ROLE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.JointCases;
import org.freezedesk.cases.PartnerScope;
import org.freezedesk.cases.internal.TargetImportService;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.recovery.internal.FreezeHoldRepository;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.recovery.internal.RecoveryProcess;
import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Agencies;
import org.freezedesk.support.Browser;
import org.freezedesk.support.Filings;
import org.freezedesk.support.Keys;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, taken from Spring MVC's handler mappings so that a new one cannot be forgotten,
 * plus the engine's webapps and REST API and the actuator, tried by every kind of caller against {@link #TABLE}, the
 * table README.md shows as "Who may do what". A route missing from the table fails the test until it is added.
 * <p>
 * The case under test belongs to the National Cyber Crime Unit (the demo user {@code agency} filed it). The two-role
 * user is an investigator of another agency who is also a legal officer serving every agency: reviewing never lets it
 * change the case. Requests carry empty forms, so an allowed call answers with the form and its errors and changes
 * nothing; the owner and the counterparty, whose empty calls may change something, go last.
 * <p>
 * The case is joint: an agency partners it with the FILE scope, another left it, a third is invited and has not
 * answered (it is invited into the second case too, and that invitation is the one it answers here). The partner's
 * leaving comes last of its calls, so that it reads the case until then.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:permissions;DB_CLOSE_DELAY=-1",
        "freezedesk.mail.embedded-smtp.enabled=false",
        "camunda.bpm.job-execution.enabled=false",
        // Staff try the portal with tokens they do not hold; they must be refused for that, not for trying too often.
        "freezedesk.portal.failed-lookups.limit=100000"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
@AutoConfigureObservability
class PermissionMatrixTest {

    /** Who calls, in the order they are tried. */
    enum Principal {
        ANONYMOUS(null),
        /** An investigator of another agency. */
        OTHER_AGENCY("agency2"),
        /** AGENCY of another agency and LEGAL of a unit serving every agency. */
        TWO_ROLE("two-role"),
        /** LEGAL of a unit that does not serve the case's agency. */
        LEGAL_ELSEWHERE("legal-elsewhere"),
        AUDITOR("auditor"),
        ADMIN("admin"),
        /** An investigator of an active partner agency of the case, with the FILE scope. */
        PARTNER("partner-agency"),
        /** An investigator of an agency that was a partner and left. */
        FORMER_PARTNER("former-partner"),
        /** An investigator of an agency invited into the case that has not answered: not a member. */
        INVITED("invited-agency"),
        /** Holds its own link, and tries it on another counterparty's objects. */
        OTHER_COUNTERPARTY(null),
        /** LEGAL of a unit serving every agency. */
        LEGAL("legal"),
        /** The counterparty the objects belong to, with its own link. */
        COUNTERPARTY(null),
        /** An investigator of the agency that owns the case. */
        OWNER("agency");

        final String username;

        Principal(String username) {
            this.username = username;
        }
    }

    private static final Set<Principal> EVERYONE = EnumSet.allOf(Principal.class);
    private static final Set<Principal> NOBODY = EnumSet.noneOf(Principal.class);
    private static final Set<Principal> STAFF = EnumSet.of(OWNER, OTHER_AGENCY, TWO_ROLE, LEGAL, LEGAL_ELSEWHERE, AUDITOR, ADMIN, PARTNER,
            FORMER_PARTNER, INVITED);
    private static final Set<Principal> AGENCY_ROLE = EnumSet.of(OWNER, OTHER_AGENCY, TWO_ROLE, PARTNER, FORMER_PARTNER, INVITED);
    private static final Set<Principal> LEGAL_ROLE = EnumSet.of(LEGAL, LEGAL_ELSEWHERE, TWO_ROLE);
    /** May change the case: its agency's investigators only. */
    private static final Set<Principal> CHANGE_CASE = EnumSet.of(OWNER);
    /** Reads the case on the investigators' pages: its agency, its active partner, and a two-role user as the legal officer it also is. */
    private static final Set<Principal> READ_CASE_AS_AGENCY = EnumSet.of(OWNER, TWO_ROLE, PARTNER);
    /** Files requests on the case: its agency, and its partner with the FILE scope. */
    private static final Set<Principal> FILE_ON_CASE = EnumSet.of(OWNER, PARTNER);
    /** Reviews the case's requests: legal officers whose unit serves its agency. */
    private static final Set<Principal> REVIEW_CASE = EnumSet.of(LEGAL, TWO_ROLE);
    private static final Set<Principal> READ_CASE_OVER_API = EnumSet.of(OWNER, TWO_ROLE, LEGAL, AUDITOR, PARTNER);
    /** A link's own request: whoever holds a valid link reaches its request, and only that. */
    private static final Set<Principal> OWN_LINK = EnumSet.of(COUNTERPARTY, OTHER_COUNTERPARTY);
    /** An object of one counterparty's request: only through that counterparty's link, or with its key. */
    private static final Set<Principal> LINKED_OBJECT = EnumSet.of(COUNTERPARTY);
    /** Whoever holds a key of some counterparty: it lists what is addressed to its own counterparty. */
    private static final Set<Principal> COUNTERPARTY_KEY = EnumSet.of(COUNTERPARTY, OTHER_COUNTERPARTY);

    /** The expectation: who is let through, per "METHOD pattern". README.md, "Who may do what", says the same. */
    static final Map<String, Set<Principal>> TABLE = new LinkedHashMap<>();

    static {
        allow(EVERYONE, "GET /login", "GET /portal/verify", "POST /portal/verify", "GET /actuator/health");
        // Only a session past its password and waiting for the second factor; nobody here is in that state.
        allow(NOBODY, "GET /login/second-factor", "POST /login/second-factor", "GET /login/enrol", "POST /login/enrol");
        // Only with a password link from a mail; nobody here holds one.
        allow(NOBODY, "GET /password-reset/{token}", "POST /password-reset/{token}");
        allow(NOBODY, "GET /actuator/env");
        allow(STAFF, "GET /");
        // Every staff user manages its own API keys; only the owner holds the key that {id} names.
        allow(STAFF, "GET /account/keys", "POST /account/keys", "GET /api/v1/keys", "POST /api/v1/keys");
        allow(EnumSet.of(OWNER), "POST /account/keys/{id}/revoke", "POST /api/v1/keys/{id}/revoke");
        // The description of the JSON API holds no data; Swagger UI is for staff.
        allow(EVERYONE, "GET /v3/api-docs", "GET /v3/api-docs.yaml", "GET /v3/api-docs/swagger-config");
        allow(STAFF, "GET /swagger-ui.html");

        allow(AGENCY_ROLE, "GET /cases", "GET /cases/new", "POST /cases", "POST /cases/imports", "POST /api/v1/cases",
                "POST /api/v1/imports");
        allow(CHANGE_CASE, "GET /cases/imports/{id}", "GET /api/v1/imports/{id}");
        allow(READ_CASE_AS_AGENCY, "GET /cases/{reference}", "GET /cases/{reference}/stix.json", "GET /cases/{reference}/misp.json");
        allow(READ_CASE_OVER_API, "GET /api/v1/cases/{reference}", "GET /api/v1/cases/{reference}/stix", "GET /api/v1/cases/{reference}/misp");
        allow(READ_CASE_AS_AGENCY, "GET /api/v1/cases/{reference}/recoveries", "GET /api/v1/cases/{reference}/recoveries/{id}");
        allow(CHANGE_CASE, "GET /api/v1/cases/{reference}/recoveries/holdings", "POST /api/v1/cases/{reference}/recoveries");
        allow(FILE_ON_CASE, "POST /api/v1/cases/{reference}/requests", "GET /cases/{reference}/supplementary",
                "POST /cases/{reference}/supplementary");
        allow(CHANGE_CASE,
                "GET /cases/{reference}/requests/{sequence}/amend", "POST /cases/{reference}/requests/{sequence}/amend",
                "POST /cases/{reference}/requests/{sequence}/imports",
                "POST /cases/{reference}/requests/{sequence}/summary",
                "GET /cases/{reference}/requests/{sequence}/targets/{line}/route",
                "POST /cases/{reference}/requests/{sequence}/targets/{line}/route",
                "POST /cases/{reference}/counterparty-requests/{id}/link/revoke",
                "POST /cases/{reference}/counterparty-requests/{id}/resend",
                "POST /cases/{reference}/counterparty-requests/{id}/contacts",
                "POST /cases/{reference}/counterparty-requests/{id}/deadline",
                "POST /cases/{reference}/holds/{id}/extension-request",
                "GET /cases/{reference}/recoveries/new", "POST /cases/{reference}/recoveries",
                "GET /cases/{reference}/closure", "POST /cases/{reference}/closure");
        // Open only while an instruction is returned for amendment or overdue; this fixture has neither, so everyone
        // gets 404 here. RecoveryFollowUpTest drives both states and refuses another agency and the filer's own review.
        allow(NOBODY, "GET /cases/{reference}/recoveries/{id}/amendment", "POST /cases/{reference}/recoveries/{id}/amendment",
                "GET /cases/{reference}/recoveries/{id}/follow-up", "POST /cases/{reference}/recoveries/{id}/follow-up/deadline",
                "POST /cases/{reference}/recoveries/{id}/follow-up/withdrawal");
        allow(EnumSet.of(OWNER, OTHER_AGENCY, TWO_ROLE, LEGAL, LEGAL_ELSEWHERE, PARTNER, FORMER_PARTNER, INVITED),
                "POST /api/v1/addresses/validate");
        // The address index: any agency checks its own filing's addresses and asks to join; an agency reads its own asks,
        // an auditor every ask; asks on a case and its discoverability are the case's agency's.
        allow(AGENCY_ROLE, "POST /api/v1/address-index/check", "POST /api/v1/address-index/asks", "GET /address-index/asks/new",
                "POST /address-index/asks");
        allow(EnumSet.of(OWNER, OTHER_AGENCY, TWO_ROLE, AUDITOR, PARTNER, FORMER_PARTNER, INVITED), "GET /api/v1/address-index/asks",
                "GET /address-index/asks");
        allow(CHANGE_CASE, "POST /cases/{reference}/join-asks/{id}/decline", "POST /cases/{reference}/discovery");
        allow(EnumSet.of(OWNER, OTHER_AGENCY, TWO_ROLE, AUDITOR, PARTNER, FORMER_PARTNER, INVITED), "GET /stats", "GET /api/v1/stats");

        // Joint cases: only the lead changes partners; whoever reads the case reads its partners and figures per agency;
        // only the invited agency answers its invitation ({id} is the invited agency's invitation into the second case).
        allow(CHANGE_CASE, "GET /cases/{reference}/partners/new", "POST /cases/{reference}/partners",
                "POST /cases/{reference}/partners/{id}/scope", "POST /cases/{reference}/partners/{id}/remove",
                "POST /api/v1/cases/{reference}/partners", "POST /api/v1/cases/{reference}/partners/{id}/scope",
                "POST /api/v1/cases/{reference}/partners/{id}/remove");
        allow(READ_CASE_OVER_API, "GET /api/v1/cases/{reference}/partners", "GET /api/v1/cases/{reference}/figures");
        allow(AGENCY_ROLE, "GET /invitations", "GET /api/v1/invitations");
        allow(EnumSet.of(INVITED), "POST /invitations/{id}/accept", "POST /invitations/{id}/decline",
                "POST /api/v1/invitations/{id}/accept", "POST /api/v1/invitations/{id}/decline");

        // Webhook subscriptions belong to an agency, or to a counterparty's system with its key; the fixture's belongs to
        // the owner's agency. Deleting it comes last, so that the owner's earlier calls still find it.
        allow(AGENCY_ROLE, "GET /webhooks");
        allow(EnumSet.of(OWNER, OTHER_AGENCY, TWO_ROLE, PARTNER, FORMER_PARTNER, INVITED, COUNTERPARTY, OTHER_COUNTERPARTY),
                "GET /api/v1/webhooks", "POST /api/v1/webhooks");
        allow(EnumSet.of(OWNER), "GET /webhooks/{id}", "GET /api/v1/webhooks/{id}/deliveries");
        allow(EnumSet.of(OWNER), "DELETE /api/v1/webhooks/{id}");

        allow(LEGAL_ROLE, "GET /review", "GET /review/recoveries", "GET /api/v1/reviews", "GET /api/v1/recovery-reviews");
        allow(REVIEW_CASE, "GET /review/{taskId}", "POST /review/{taskId}", "GET /review/recoveries/{taskId}",
                "POST /review/recoveries/{taskId}", "GET /api/v1/reviews/{id}", "POST /api/v1/reviews/{id}/decision",
                "GET /api/v1/recovery-reviews/{id}", "POST /api/v1/recovery-reviews/{id}/decision");

        allow(EnumSet.of(AUDITOR), "GET /audit/cases", "GET /audit/cases/{reference}", "GET /audit/integrity",
                "GET /audit/chain-head.txt", "GET /audit/signed-head.txt", "GET /audit/cases/{reference}/timeline.csv", "GET /audit/cases/{reference}/timeline.json",
                "GET /audit/cases/{reference}/report.pdf", "GET /audit/cases/{reference}/processes",
                "GET /audit/cases/{reference}/processes/{processInstanceId}/diagram", "GET /api/v1/audit/verify",
                "GET /api/v1/audit/head");

        allow(EnumSet.of(ADMIN), "GET /admin/mail", "POST /admin/mail/outbox/{id}/retry", "POST /admin/audit-head", "GET /admin/directory", "GET /admin/directory/new", "POST /admin/directory",
                "GET /admin/directory/{id}", "POST /admin/directory/{id}", "GET /admin/directory/attributions",
                "POST /admin/directory/attributions",
                "GET /admin/agencies", "GET /admin/agencies/new", "POST /admin/agencies", "GET /admin/agencies/{id}",
                "POST /admin/agencies/{id}", "GET /admin/legal-units/new", "POST /admin/legal-units", "GET /admin/legal-units/{id}",
                "POST /admin/legal-units/{id}", "GET /admin/accounts", "GET /admin/accounts/new", "POST /admin/accounts",
                "GET /admin/accounts/{username}", "POST /admin/accounts/{username}",
                "POST /admin/accounts/{username}/deactivate", "POST /admin/accounts/{username}/reactivate",
                "POST /admin/accounts/{username}/password-reset", "POST /admin/accounts/{username}/second-factor-reset",
                "POST /admin/accounts/{username}/on-call", "POST /admin/accounts/{username}/off-call",
                "GET /api/v1/admin/agencies", "POST /api/v1/admin/agencies", "GET /api/v1/admin/agencies/{id}",
                "PUT /api/v1/admin/agencies/{id}", "GET /api/v1/admin/legal-units", "POST /api/v1/admin/legal-units",
                "GET /api/v1/admin/legal-units/{id}", "PUT /api/v1/admin/legal-units/{id}", "GET /api/v1/admin/accounts",
                "POST /api/v1/admin/accounts", "GET /api/v1/admin/accounts/{username}", "PUT /api/v1/admin/accounts/{username}",
                "POST /api/v1/admin/accounts/{username}/deactivate", "POST /api/v1/admin/accounts/{username}/reactivate",
                "POST /api/v1/admin/accounts/{username}/password-reset",
                "POST /api/v1/admin/accounts/{username}/second-factor-reset",
                "GET /admin/sanctions", "POST /admin/sanctions", "GET /api/v1/admin/sanctions", "POST /api/v1/admin/sanctions",
                "GET /admin/directory/{id}/keys", "POST /admin/directory/{id}/keys", "POST /admin/directory/{id}/keys/{keyId}/revoke",
                "GET /api/v1/admin/counterparties/{id}/keys", "POST /api/v1/admin/counterparties/{id}/keys",
                "POST /api/v1/admin/counterparties/{id}/keys/{keyId}/revoke",
                "GET /camunda/app/cockpit/default/", "GET /camunda/api/engine/engine/", "GET /engine-rest/incident",
                "GET /actuator/prometheus");

        allow(OWN_LINK, "GET /portal/{token}", "POST /portal/{token}/acknowledge", "POST /portal/{token}/responses",
                "POST /portal/{token}/draft", "POST /portal/{token}/renewal", "GET /portal/{token}/recoveries",
                "GET /api/v1/portal/request", "POST /api/v1/portal/acknowledgement", "POST /api/v1/portal/responses",
                "POST /portal/{token}/releases", "POST /api/v1/portal/releases");
        allow(LINKED_OBJECT, "GET /portal/{token}/recoveries/{id}", "POST /portal/{token}/recoveries/{id}/transfer",
                "POST /portal/{token}/recoveries/{id}/decline", "GET /portal/{token}/recoveries/holds/{id}",
                "POST /portal/{token}/recoveries/holds/{id}/extension");
        allow(COUNTERPARTY_KEY, "GET /api/v1/counterparty/requests", "GET /api/v1/counterparty/recoveries");
        allow(LINKED_OBJECT, "GET /api/v1/counterparty/requests/{id}", "POST /api/v1/counterparty/requests/{id}/acknowledgement",
                "POST /api/v1/counterparty/requests/{id}/responses", "POST /api/v1/counterparty/requests/{id}/releases",
                "GET /api/v1/counterparty/recoveries/{id}",
                "POST /api/v1/counterparty/recoveries/{id}/transfer", "POST /api/v1/counterparty/recoveries/{id}/decline");

        // Last of the table: the partner leaves the case on its page, and from then on reads nothing of it, so leaving
        // over the API, tried next, finds no case (404), for it as for everyone else.
        allow(EnumSet.of(PARTNER), "POST /cases/{reference}/partners/leave");
        allow(NOBODY, "POST /api/v1/cases/{reference}/partners/leave");
    }

    /** Routes outside Spring MVC's handler mappings, served by the engine's servlets and the actuator. */
    private static final List<String> OUTSIDE_SPRING_MVC = List.of("GET /camunda/app/cockpit/default/",
            "GET /camunda/api/engine/engine/", "GET /engine-rest/incident", "GET /actuator/health", "GET /actuator/prometheus",
            "GET /actuator/env");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");
    private static final String PASSWORD = "matrix password 1";

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
    @Autowired ApplicationContext context;
    @Autowired StaffUserRepository users;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired CounterpartyRepository counterparties;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired FreezeHoldRepository holds;
    @Autowired TargetImportService imports;
    @Autowired ApiKeys apiKeys;
    @Autowired JointCases jointCases;

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, String> idOfRoute = new LinkedHashMap<>();
    private final Map<Principal, String> tokens = new EnumMap<>(Principal.class);
    /** Each caller's API key: a staff user's with every role it holds, a counterparty's for its own counterparty. */
    private final Map<Principal, String> keys = new EnumMap<>(Principal.class);

    @Test
    void everyRouteLetsThroughExactlyWhomTheTableSays() throws Exception {
        createThePseudoUsers();
        buildTheCase();

        Map<String, HandlerMethod> routes = springMvcRoutes();
        Set<String> unknown = new TreeSet<>(routes.keySet());
        unknown.removeAll(TABLE.keySet());
        assertThat(unknown).as("routes missing from the table (add them, and to README.md)").isEmpty();
        Set<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(routes.keySet());
        stale.removeAll(OUTSIDE_SPRING_MVC);
        assertThat(stale).as("table rows for routes that no longer exist").isEmpty();

        List<String> unexpectedAllows = new ArrayList<>();
        List<String> unexpectedDenies = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Principal principal : Principal.values()) {
            for (String route : TABLE.keySet()) {
                String method = route.substring(0, route.indexOf(' '));
                String pattern = route.substring(route.indexOf(' ') + 1);
                String path = substitute(pattern, principal);
                int status = OUTSIDE_SPRING_MVC.contains(route) ? overHttp(principal, method, path) : overMvc(principal, method, path);
                Verdict verdict = verdict(status, lastRedirect);
                tried++;
                String call = principal + " " + method + " " + path + " (" + pattern + ") answered " + status
                        + (lastRedirect == null ? "" : " -> " + lastRedirect);
                if (verdict == Verdict.FAILED) {
                    failures.add(call);
                } else if (verdict == Verdict.ALLOWED && !TABLE.get(route).contains(principal)) {
                    unexpectedAllows.add(call);
                } else if (verdict == Verdict.DENIED && TABLE.get(route).contains(principal)) {
                    unexpectedDenies.add(call);
                }
            }
        }
        assertThat(failures).as("calls that failed in the server").isEmpty();
        assertThat(unexpectedAllows).as("unexpected allows").isEmpty();
        assertThat(unexpectedDenies).as("unexpected denies").isEmpty();
        assertThat(tried).isEqualTo(TABLE.size() * Principal.values().length);
    }

    private enum Verdict { ALLOWED, DENIED, FAILED }

    private String lastRedirect;

    /**
     * Refused: not signed in (401, or sent to the login page), not allowed (403), not found or not one's own (404), or
     * a link that ended (410). A server error is neither and fails the test. Anything else got through.
     */
    private static Verdict verdict(int status, String redirect) {
        if (status >= 500) {
            return Verdict.FAILED;
        }
        if (status == 401 || status == 403 || status == 404 || status == 410) {
            return Verdict.DENIED;
        }
        if (status == 302 && redirect != null && redirect.contains("/login")) {
            return Verdict.DENIED;
        }
        return Verdict.ALLOWED;
    }

    private int overMvc(Principal principal, String method, String path) throws Exception {
        // Each caller from its own address: the matrix's unknown links and renewal addresses count as failed look-ups,
        // and must not use up the allowance of the other tests' default client address.
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), path).with(csrf()).with(r -> {
            r.setRemoteAddr("10.66.0." + (principal.ordinal() + 1));
            return r;
        });
        if (path.startsWith("/api/v1/portal")) {
            if (tokens.containsKey(principal)) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.get(principal));
            }
        } else if (path.startsWith("/api/")) {
            if (keys.containsKey(principal)) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.get(principal));
            }
        } else if (principal.username != null) {
            request.with(user(users.loadUserByUsername(principal.username)));
        }
        if (path.endsWith("/renewal")) {
            // The renewal page answers 410 whenever it is shown, even to its own link: an address makes the call go through.
            request.param("email", "nobody@unregistered.example.org");
        }
        if (path.startsWith("/api/") && !method.equals("GET")) {
            request.contentType(path.equals("/api/v1/imports") ? MediaType.valueOf("text/csv") : MediaType.APPLICATION_JSON)
                    .content(path.equals("/api/v1/imports") ? "" : "{}");
        }
        try {
            MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
            lastRedirect = response.getRedirectedUrl();
            return response.getStatus();
        } catch (Exception e) {
            lastRedirect = null;
            return 500;
        }
    }

    /** The engine's servlets and the actuator, over real HTTP: signed in through the login form, or with the caller's key. */
    private int overHttp(Principal principal, String method, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (principal.username != null && path.startsWith("/camunda/")) {
            return signedInBrowser(principal, path);
        }
        if (keys.containsKey(principal)) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + keys.get(principal));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        lastRedirect = response.headers().firstValue("Location").orElse(null);
        return response.statusCode();
    }

    private final Map<Principal, Browser> browsers = new EnumMap<>(Principal.class);

    private int signedInBrowser(Principal principal, String path) {
        Browser browser = browsers.computeIfAbsent(principal, p -> new Browser(port).login(p.username, password(p)));
        Browser.Page page = browser.get(path);
        lastRedirect = page.location();
        return page.status();
    }

    private static String password(Principal principal) {
        return principal == TWO_ROLE || principal == LEGAL_ELSEWHERE || principal == PARTNER || principal == FORMER_PARTNER
                || principal == INVITED ? PASSWORD : principal.username;
    }

    private Map<String, HandlerMethod> springMvcRoutes() {
        Map<String, HandlerMethod> routes = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            if (BasicErrorController.class.isAssignableFrom(entry.getValue().getBeanType())) {
                continue; // Spring Boot's error page only renders the error of another request
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String pattern : entry.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    routes.put(method + " " + pattern, entry.getValue());
                }
            }
        }
        return routes;
    }

    private String substitute(String pattern, Principal principal) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = switch (name) {
                case "token" -> tokens.getOrDefault(principal, randomToken());
                case "taskId" -> taskIds.entrySet().stream().filter(e -> pattern.startsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElseThrow(() -> new AssertionError("no {taskId} for " + pattern));
                case "id" -> idOfRoute.entrySet().stream().filter(e -> pattern.startsWith(e.getKey())).map(Map.Entry::getValue)
                        .findFirst().orElseThrow(() -> new AssertionError("no {id} for " + pattern));
                default -> values.get(name);
            };
            assertThat(value).as(name + " of " + pattern).isNotNull();
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    /** The two callers the demo has no user for, stored as demo users so that they too sign in without a second factor. */
    private void createThePseudoUsers() {
        long fiu = jdbc.sql("SELECT id FROM agency WHERE name = 'Financial Intelligence Unit'").query(Long.class).single();
        jdbc.sql("INSERT INTO legal_unit (name) VALUES ('Legal for the FIU only')").update();
        long unit = jdbc.sql("SELECT id FROM legal_unit WHERE name = 'Legal for the FIU only'").query(Long.class).single();
        jdbc.sql("INSERT INTO legal_unit_agency (legal_unit_id, agency_id) VALUES (?, ?)").params(unit, fiu).update();
        long everyAgency = jdbc.sql("SELECT id FROM legal_unit WHERE name = 'Central legal review'").query(Long.class).single();
        insertUser("two-role", "Financial Intelligence Unit", everyAgency, Role.AGENCY, Role.LEGAL);
        insertUser("legal-elsewhere", null, unit, Role.LEGAL);
        for (Principal partner : List.of(PARTNER, FORMER_PARTNER, INVITED)) {
            Agencies.register(jdbc, agencyOf(partner), "Germany");
            Agencies.account(jdbc, partner.username, encoder.encode(PASSWORD), agencyOf(partner), null, Set.of(Role.AGENCY));
        }
    }

    private static String agencyOf(Principal partner) {
        return "Agency of " + partner.name();
    }

    /**
     * The partner (FILE), the former partner (accepted, then left) and the invited agency (no answer) of the case; the
     * invited agency is invited into the second case too. Answers the id of the partner and of the second invitation.
     */
    private long[] makeTheCaseJoint(String reference, String secondCase) {
        StaffUser owner = users.loadUserByUsername(OWNER.username);
        long partner = jointCases.invite(reference, agencyOf(PARTNER), "MLAT 2026/17", PartnerScope.FILE, owner).id();
        jointCases.accept(partner, users.loadUserByUsername(PARTNER.username));
        long former = jointCases.invite(reference, agencyOf(FORMER_PARTNER), "MoU 2025-3", PartnerScope.FILE, owner).id();
        jointCases.accept(former, users.loadUserByUsername(FORMER_PARTNER.username));
        jointCases.leave(reference, users.loadUserByUsername(FORMER_PARTNER.username));
        jointCases.invite(reference, agencyOf(INVITED), "MLAT 2026/18", PartnerScope.READ, owner);
        long invitation = jointCases.invite(secondCase, agencyOf(INVITED), "MLAT 2026/18", PartnerScope.READ, owner).id();
        return new long[] {partner, invitation};
    }

    private void insertUser(String username, String agency, long legalUnit, Role... roles) {
        jdbc.sql("INSERT INTO app_user (username, password_hash, display_name, agency, legal_unit_id, demo) VALUES (?, ?, ?, ?, ?, TRUE)")
                .params(username, encoder.encode(PASSWORD), username, agency, legalUnit).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (?, ?)").params(username, role.name()).update();
        }
    }

    /**
     * A case of the owner's agency frozen at Tether (the counterparty) and Circle (the other counterparty), with a held
     * freeze each, an approved recovery instruction for Tether and another in review, a second case in legal review, and
     * a target import of the owner's.
     */
    private void buildTheCase() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "500"));
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", LocalDate.now().plusMonths(6));
        story.respond(reference, "Circle", Outcome.FROZEN, "500", LocalDate.now().plusMonths(6));
        RecoveryInstruction approved = story.instructAndApprove(reference, "Tether", "400", Filings.ETH_ADDRESS);
        FreezeCase freezeCase = story.freezeCase(reference);
        story.instruct(reference, "Tether", "100", Filings.ETH_ADDRESS);
        String recoveryReview = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION).singleResult().getId();
        String inReview = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "5"));
        String legalReview = taskService.createTaskQuery().processInstanceBusinessKey(inReview)
                .taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW).singleResult().getId();
        String processInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult().getId();
        long[] joint = makeTheCaseJoint(reference, inReview);
        String importId = imports.upload("agency", null, null, "targets.csv",
                ("chain,asset,address,amount\nETH,USDT," + Filings.ETH_ADDRESS + ",1\n").getBytes(StandardCharsets.UTF_8), null);

        CounterpartyRequest tether = counterpartyRequests.findByCase(freezeCase.id()).stream()
                .filter(cr -> cr.counterpartyId() == story.counterparty("Tether")).findFirst().orElseThrow();
        long circle = story.counterparty("Circle");
        long tetherHold = holds.forCase(freezeCase.id()).stream().filter(h -> h.counterpartyName().equals("Tether")).findFirst()
                .orElseThrow().id();
        tokens.put(COUNTERPARTY, latestToken(reference, story.counterparty("Tether")));
        tokens.put(OTHER_COUNTERPARTY, latestToken(reference, circle));
        for (Principal principal : Principal.values()) {
            if (principal.username != null) {
                keys.put(principal, Keys.of(context, principal.username));
            }
        }
        keys.put(COUNTERPARTY, Keys.ofCounterparty(context, story.counterparty("Tether")));
        keys.put(OTHER_COUNTERPARTY, Keys.ofCounterparty(context, circle));
        String ownersSpareKey = String.valueOf(apiKeys.createForUser(users.loadUserByUsername(OWNER.username),
                Keys.form(Set.of(Role.AGENCY))).key().id());
        values.put("keyId", String.valueOf(apiKeys.createForCounterparty(story.counterparty("Tether"), Keys.form(Set.of()), "admin")
                .key().id()));

        values.put("reference", reference);
        values.put("sequence", "1");
        values.put("line", "1");
        values.put("processInstanceId", processInstance);
        values.put("username", "agency2");
        idOfRoute.put("/cases/{reference}/counterparty-requests/", String.valueOf(tether.id()));
        idOfRoute.put("/cases/{reference}/holds/", String.valueOf(tetherHold));
        idOfRoute.put("/portal/{token}/recoveries/holds/", String.valueOf(tetherHold));
        idOfRoute.put("/portal/{token}/recoveries/", String.valueOf(approved.id()));
        idOfRoute.put("/cases/{reference}/recoveries/", String.valueOf(approved.id()));
        idOfRoute.put("/cases/imports/", importId);
        idOfRoute.put("/api/v1/imports/", importId);
        idOfRoute.put("/admin/mail/outbox/", jdbc.sql("SELECT MIN(id) FROM outbox_message").query(String.class).single());
        idOfRoute.put("/admin/directory/", String.valueOf(story.counterparty("Tether")));
        idOfRoute.put("/api/v1/admin/counterparties/", String.valueOf(story.counterparty("Tether")));
        idOfRoute.put("/api/v1/counterparty/requests/", String.valueOf(tether.id()));
        idOfRoute.put("/api/v1/counterparty/recoveries/", String.valueOf(approved.id()));
        idOfRoute.put("/account/keys/", ownersSpareKey);
        jdbc.sql("""
                INSERT INTO join_ask (case_id, asking_agency, chain, address, reason, state, asked_by, asked_at)
                VALUES (?, 'Financial Intelligence Unit', 'ETH', ?, 'Same wallets', 'OPEN', 'agency2', CURRENT_TIMESTAMP)""")
                .params(freezeCase.id(), Filings.ETH_ADDRESS).update();
        idOfRoute.put("/cases/{reference}/join-asks/", jdbc.sql("SELECT MAX(id) FROM join_ask").query(String.class).single());
        idOfRoute.put("/api/v1/keys/", ownersSpareKey);
        jdbc.sql("""
                INSERT INTO webhook_subscription (agency, url, event_types, secret, active, created_by, created_at)
                VALUES (?, 'https://cases.ncu.example.org/hooks', 'REQUEST_APPROVED', 'whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0', TRUE, 'agency', CURRENT_TIMESTAMP)""")
                .param(freezeCase.agency()).update();
        String subscription = jdbc.sql("SELECT MAX(id) FROM webhook_subscription").query(String.class).single();
        idOfRoute.put("/webhooks/", subscription);
        idOfRoute.put("/api/v1/webhooks/", subscription);
        idOfRoute.put("/admin/agencies/", jdbc.sql("SELECT MIN(id) FROM agency").query(String.class).single());
        idOfRoute.put("/admin/legal-units/", jdbc.sql("SELECT MIN(id) FROM legal_unit").query(String.class).single());
        idOfRoute.put("/api/v1/admin/agencies/", jdbc.sql("SELECT MIN(id) FROM agency").query(String.class).single());
        idOfRoute.put("/api/v1/admin/legal-units/", jdbc.sql("SELECT MIN(id) FROM legal_unit").query(String.class).single());
        idOfRoute.put("/api/v1/cases/{reference}/recoveries/", String.valueOf(approved.id()));
        idOfRoute.put("/cases/{reference}/partners/", String.valueOf(joint[0]));
        idOfRoute.put("/api/v1/cases/{reference}/partners/", String.valueOf(joint[0]));
        idOfRoute.put("/invitations/", String.valueOf(joint[1]));
        idOfRoute.put("/api/v1/invitations/", String.valueOf(joint[1]));
        idOfRoute.put("/api/v1/reviews/", legalReview);
        idOfRoute.put("/api/v1/recovery-reviews/", recoveryReview);
        taskIds.put("/review/recoveries/", recoveryReview);
        taskIds.put("/review/", legalReview);
    }

    private final Map<String, String> taskIds = new LinkedHashMap<>();

    /** The token of the last mail about the case to the counterparty's contacts. */
    private String latestToken(String reference, long counterpartyId) throws Exception {
        Set<String> addresses = new TreeSet<>(counterparties.contacts(counterpartyId).stream().map(c -> c.email()).toList());
        String token = null;
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getSubject().contains(reference)) {
                for (Address recipient : message.getAllRecipients()) {
                    if (addresses.contains(recipient.toString())) {
                        token = TestMail.portalPath(message).substring("/portal/".length());
                    }
                }
            }
        }
        assertThat(token).as("a link mailed to counterparty " + counterpartyId).isNotNull();
        return token;
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void allow(Set<Principal> principals, String... routes) {
        for (String route : routes) {
            assertThat(TABLE.put(route, principals)).as("listed twice: " + route).isNull();
        }
    }
}
