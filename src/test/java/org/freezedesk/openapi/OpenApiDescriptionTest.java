package org.freezedesk.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description holds every route of the JSON API, taken from Spring MVC's handler mappings so that a new
 * route cannot be left out: its method, a summary, the schema of its body where it takes one, the schema of its
 * success answer, and the error answers as RFC 9457 problems. Swagger UI is for signed-in staff only.
 */
@FreezeDeskTest
class OpenApiDescriptionTest {

    private static final Set<String> ERRORS_OF_EVERY_OPERATION = Set.of("400", "401", "403", "404");

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired StaffUserRepository users;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    private JsonNode description;

    @BeforeEach
    void readTheDescription() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();
        assertThat(response.getStatus()).as("the description needs no session: it holds no data").isEqualTo(200);
        description = json.readTree(response.getContentAsString());
    }

    @Test
    void everyApiRouteIsDocumentedWithItsSchemasAndErrors() {
        List<String> routes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/")) {
                    continue;
                }
                for (RequestMethod method : methods(info)) {
                    String route = method + " " + pattern;
                    routes.add(route);
                    problems.addAll(check(route, description.path("paths").path(pattern).path(method.name().toLowerCase(Locale.ROOT)),
                            handler));
                }
            }
        });
        assertThat(routes).as("API routes found").hasSizeGreaterThan(25)
                .contains("GET /api/v1/reviews", "POST /api/v1/reviews/{id}/decision", "POST /api/v1/cases/{reference}/recoveries",
                        "POST /api/v1/recovery-reviews/{id}/decision");
        assertThat(problems).isEmpty();

        List<String> documentedPaths = new ArrayList<>();
        description.path("paths").fieldNames().forEachRemaining(documentedPaths::add);
        assertThat(documentedPaths).as("only the JSON API is described").allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(description.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(description.at("/components/schemas/Problem/properties/errors/items/$ref").asText())
                .as("the field errors of %s", description.at("/components/schemas/Problem"))
                .isEqualTo("#/components/schemas/FieldError");
    }

    private List<String> check(String route, JsonNode operation, HandlerMethod handler) {
        List<String> problems = new ArrayList<>();
        if (operation.isMissingNode()) {
            return List.of(route + ": not in the description");
        }
        if (operation.path("summary").asText().isBlank()) {
            problems.add(route + ": no summary");
        }
        boolean takesBody = hasRequestBody(handler)
                || handler.hasMethodAnnotation(io.swagger.v3.oas.annotations.parameters.RequestBody.class);
        JsonNode body = operation.path("requestBody").path("content");
        if (takesBody && !hasSchema(body)) {
            problems.add(route + ": no schema for its request body");
        }
        JsonNode success = successResponse(operation);
        boolean answersNothing = handler.getReturnType().getParameterType() == void.class
                || handler.getReturnType().getGenericParameterType().getTypeName().endsWith("<java.lang.Void>");
        if (success == null) {
            problems.add(route + ": no success answer");
        } else if (!answersNothing && !hasSchema(success.path("content"))) {
            problems.add(route + ": no schema for its answer " + success);
        }
        Set<String> errors = new TreeSet<>(ERRORS_OF_EVERY_OPERATION);
        if (!route.startsWith("GET ")) {
            errors.add("409");
        }
        if (takesBody) {
            errors.add("413");
        }
        for (String status : errors) {
            JsonNode problem = operation.path("responses").path(status).path("content").path("application/problem+json");
            if (!problem.path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                problems.add(route + ": no " + status + " problem answer");
            }
        }
        return problems;
    }

    private static boolean hasRequestBody(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode successResponse(JsonNode operation) {
        for (String status : List.of("200", "201", "202", "204")) {
            if (operation.path("responses").has(status)) {
                return operation.path("responses").path(status);
            }
        }
        return null;
    }

    /** A named schema, a list of one, or a described string (a file): not a bare "object" that says nothing. */
    private static boolean hasSchema(JsonNode content) {
        for (JsonNode type : content) {
            JsonNode schema = type.path("schema");
            if (schema.has("$ref") || schema.path("items").has("$ref") || schema.has("properties")
                    || (schema.path("type").asText().equals("string") && schema.has("format"))) {
                return true;
            }
        }
        return false;
    }

    private static Set<RequestMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        return methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST) : methods;
    }

    /**
     * The description names a schema by its type's simple name, so two types of one name (two modules' nested
     * {@code TargetDocument}s) would silently share one schema, the wrong one for either: each needs a name of its own.
     */
    @Test
    void noTwoTypesShareASchemaName() {
        Set<Class<?>> types = new HashSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/v1/"))) {
                return;
            }
            collect(handler.getMethod().getGenericReturnType(), types);
            for (MethodParameter parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collect(parameter.getGenericParameterType(), types);
                }
            }
            ApiResponse response = handler.getMethodAnnotation(ApiResponse.class);
            if (response != null) {
                Arrays.stream(response.content()).forEach(c -> collect(c.schema().implementation(), types));
            }
        });
        Map<String, List<String>> byName = new TreeMap<>();
        types.forEach(type -> byName.computeIfAbsent(schemaName(type), n -> new ArrayList<>()).add(type.getName()));
        assertThat(byName).as("types per schema name").containsKey("ReviewDocument");
        assertThat(byName.entrySet().stream().filter(e -> e.getValue().size() > 1).toList()).as("schema names of several types").isEmpty();
    }

    private static void collect(Type type, Set<Class<?>> types) {
        if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), types);
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collect(argument, types));
        } else if (type instanceof Class<?> c) {
            if (c.isArray()) {
                collect(c.getComponentType(), types);
                return;
            }
            if (!c.getName().startsWith("org.freezedesk.") || c.isEnum() || !types.add(c)) {
                return;
            }
            if (c.isRecord()) {
                Arrays.stream(c.getRecordComponents()).forEach(component -> collect(component.getGenericType(), types));
            } else {
                Arrays.stream(BeanUtils.getPropertyDescriptors(c)).filter(p -> p.getReadMethod() != null)
                        .forEach(p -> collect(p.getReadMethod().getGenericReturnType(), types));
            }
        }
    }

    /** A generic type such as {@code CursorPage<T>} is named after its argument ({@code CursorPageAccount}), so never collides. */
    private static String schemaName(Class<?> type) {
        Schema schema = type.getAnnotation(Schema.class);
        return type.getTypeParameters().length > 0 ? type.getName() : schema != null && !schema.name().isEmpty() ? schema.name()
                : type.getSimpleName();
    }

    @Test
    void swaggerUiIsForSignedInStaffOnly() throws Exception {
        MockHttpServletResponse anonymous = mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(302);
        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");

        MockHttpServletResponse staff = mvc.perform(get("/swagger-ui/index.html").with(user(users.loadUserByUsername("legal"))))
                .andReturn().getResponse();
        assertThat(staff.getStatus()).isEqualTo(200);
        assertThat(staff.getContentAsString()).contains("swagger-ui");
    }
}
