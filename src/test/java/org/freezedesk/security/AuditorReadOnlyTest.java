package org.freezedesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.support.Keys.bearerOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequestProcess;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** An auditor can read every case and change nothing, whatever endpoint it posts to. */
@FreezeDeskTest
class AuditorReadOnlyTest {

    private static final List<String> COUNTED_TABLES =
            List.of("audit_event", "freeze_case", "freeze_request", "legal_decision", "counterparty_response");
    private static final Set<RequestMethod> CHANGING =
            EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}");

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlerMapping;
    @Autowired StaffUserRepository users;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired CounterpartyRepository counterparties;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    private StaffUser auditor;
    private RequestPostProcessor auditorKey;
    private String reference;
    private String reviewTaskId;

    @BeforeEach
    void fileACase() {
        auditor = users.loadUserByUsername("auditor");
        auditorKey = bearerOf(context, "auditor");
        FilingForm form = Filings.form(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "5000"));
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        reference = freezeCaseService.file(form, targets, users.loadUserByUsername("agency"));
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult().getId();
        reviewTaskId = taskService.createTaskQuery().processInstanceId(instanceId)
                .taskDefinitionKey(FreezeRequestProcess.LEGAL_REVIEW).singleResult().getId();
    }

    /** Not allowed, not found, no bearer token, or a link that ended: all refusals. */
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404, 410);

    /** Posted only to keep the code out of URLs: answers genuine or not for anyone, and stores nothing (the row counts show). */
    private static final Set<String> PUBLIC_CHECKS = Set.of("/portal/verify");

    /**
     * An auditor manages its own API keys like every staff user; the forms sent here lack what a key needs, so they
     * answer with their errors and store nothing (the row counts, audit events included, show it).
     */
    private static final Set<String> OWN_KEYS = Set.of("/account/keys", "/account/keys/{id}/revoke", "/api/v1/keys",
            "/api/v1/keys/{id}/revoke");

    @Test
    void everyChangingEndpointRefusesTheAuditor() throws Exception {
        Map<String, Integer> before = rowCounts();
        List<String> tried = new ArrayList<>();
        List<String> accepted = new ArrayList<>();

        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (BasicErrorController.class.isAssignableFrom(handler.getBeanType())) {
                continue; // Spring Boot's error page renders errors for any method; it stores nothing
            }
            Set<RequestMethod> declared = entry.getKey().getMethodsCondition().getMethods();
            Set<RequestMethod> methods = EnumSet.copyOf(CHANGING);
            if (!declared.isEmpty()) {
                methods.retainAll(declared);
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                String path = substitute(pattern);
                for (RequestMethod method : methods) {
                    tried.add(method + " " + pattern);
                    String call = method + " " + pattern + " -> " + path;
                    try {
                        int status = mvc.perform(build(method, path, handler)).andReturn().getResponse().getStatus();
                        if (!REFUSED.contains(status) && !PUBLIC_CHECKS.contains(pattern) && !OWN_KEYS.contains(pattern)) {
                            accepted.add(call + " answered " + status);
                        }
                    } catch (Exception e) {
                        accepted.add(call + " reached the application and failed there: " + e);
                    }
                }
            }
        }

        assertThat(accepted).as("calls the auditor was not refused").isEmpty();
        assertThat(tried).as("the walk reached the app's changing endpoints").contains(
                "POST /cases", "POST /cases/{reference}/requests/{sequence}/amend",
                "POST /cases/{reference}/requests/{sequence}/summary", "POST /review/{taskId}",
                "POST /portal/{token}/acknowledge", "POST /portal/{token}/responses", "POST /api/v1/cases");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(taskService.createTaskQuery().taskId(reviewTaskId).singleResult()).as("the review is still open").isNotNull();
    }

    @Test
    void auditorReadsCasesButNotTheAgencyOrLegalPages() throws Exception {
        MockHttpServletResponse list = mvc.perform(get("/audit/cases").with(user(auditor))).andReturn().getResponse();
        assertThat(list.getStatus()).isEqualTo(200);
        assertThat(list.getContentAsString()).contains(reference);

        MockHttpServletResponse timeline = mvc.perform(get("/audit/cases/" + reference).with(user(auditor))).andReturn().getResponse();
        assertThat(timeline.getStatus()).isEqualTo(200);
        assertThat(timeline.getContentAsString()).contains(reference, "CASE_FILED");

        assertThat(mvc.perform(get("/cases/new").with(user(auditor))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/review").with(user(auditor))).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/review/" + reviewTaskId).with(user(auditor))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void auditorCannotFileThroughTheApi() throws Exception {
        Map<String, Integer> before = rowCounts();

        MockHttpServletResponse response = mvc.perform(post("/api/v1/cases").with(auditorKey)
                .contentType(MediaType.APPLICATION_JSON).content(filingJson())).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(mvc.perform(post("/api/v1/cases").with(bearerOf(context, "agency"))
                        .contentType(MediaType.APPLICATION_JSON).content(filingJson())).andReturn().getResponse().getStatus())
                .as("the same body is accepted from an agency, so the 403 is about the role").isEqualTo(201);
    }

    private MockHttpServletRequestBuilder build(RequestMethod method, String path, HandlerMethod handler) {
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(method.name()), path).with(csrf());
        builder = path.startsWith("/api/") ? builder.with(auditorKey) : builder.with(user(auditor));
        boolean json = java.util.Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        if (json) {
            return builder.contentType(MediaType.APPLICATION_JSON).content(path.contains("addresses")
                    ? "{\"chain\":\"ETH\",\"address\":\"" + Filings.ETH_ADDRESS + "\"}" : filingJson());
        }
        // every field a form of the app reads, filled in so that the call would succeed if it were allowed
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Auditor was here");
        fields.put("incidentSummary", "Should never be stored");
        fields.put("legalBasis", "None");
        fields.put("urgency", "CRITICAL");
        fields.put("targets[0].chain", "ETH");
        fields.put("targets[0].asset", "USDT");
        fields.put("targets[0].address", Filings.ETH_ADDRESS);
        fields.put("targets[0].amount", "1");
        fields.put("decision", "APPROVE");
        fields.put("comment", "approved by the auditor");
        fields.put("name", "Ada");
        fields.put("submittedBy", "Ada");
        fields.put("outcomes[0].outcome", "NO_FUNDS");
        fields.forEach(builder::param);
        return builder;
    }

    private String substitute(String pattern) {
        Matcher matcher = PATH_VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "reference" -> reference;
                case "sequence" -> "1";
                case "taskId" -> reviewTaskId;
                case "token" -> randomToken();
                // none of the auditor's keys: revoking its own would be allowed, and is not what this test is about
                case "id" -> OWN_KEYS.contains(pattern) ? "999999999" : "1";
                default -> "1";
            };
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    private String filingJson() {
        return """
                {"title": "Filed by the API", "incidentSummary": "Drained hot wallet", "legalBasis": "PoCA s. 41",
                 "urgency": "CRITICAL",
                 "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "10"}]}
                """.formatted(Filings.ETH_ADDRESS);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : COUNTED_TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Integer.class).single());
        }
        return counts;
    }
}
