package org.freezedesk.input;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends every class of hostile input to every form, JSON endpoint and parameter of FreezeDesk, as found in the
 * handler mappings: the fields come from each handler's form or body type, so a form added later is covered
 * without touching this. Records every answer of 500 or more (or an exception MockMvc lets through), and every
 * refusal after which a main table's row count changed.
 */
class HostileInput {

    /** A kind of bad value and the text that carries it. */
    record Hostile(String name, String value) {
    }

    static final List<Hostile> VALUES = List.of(
            new Hostile("NUL and control characters", "a\u0000b\u0007c"),
            new Hostile("exponent overflow amount", "1E+2147483647"),
            new Hostile("negative amount with huge exponent", "-1E-2147483648"),
            new Hostile("far past date", "-999999999-01-01"),
            new Hostile("far future date", "+999999999-12-31"),
            new Hostile("year 9999", "9999-12-31"),
            new Hostile("lone surrogate", "x\uD800y"),
            new Hostile("20-digit number", "99999999999999999999"),
            new Hostile("100,000 characters", "x".repeat(100_000)));

    /** Indexes a form never has. */
    static final List<String> INDEXES = List.of("999999", "-1", "2147483648", "1000");

    static final String[] MAIN_TABLES = {"freeze_case", "freeze_request", "target", "target_route", "legal_decision",
            "counterparty_request", "counterparty_response", "target_outcome", "recovery_instruction", "freeze_hold", "case_closure",
            "counterparty", "counterparty_contact", "address_attribution", "response_draft", "follow_up_contact", "app_user",
            "webhook_subscription"};

    /** Who may reach a path at all, so that the input, not the role, is what gets tested. */
    record Caller(UserDetails staff, String basicUser, String bearerToken) {
    }

    private final MockMvc mvc;
    private final RequestMappingHandlerMapping mappings;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Map<String, String> pathValues;
    private final Map<String, UserDetails> staff;
    private final String portalToken;
    private final String counterpartyKey;

    final List<String> serverErrors = new ArrayList<>();
    final List<String> changedAfterRefusal = new ArrayList<>();
    int requests;

    HostileInput(MockMvc mvc, RequestMappingHandlerMapping mappings, JdbcClient jdbc, ObjectMapper json,
            Map<String, String> pathValues, Map<String, UserDetails> staff, String portalToken, String counterpartyKey) {
        this.mvc = mvc;
        this.mappings = mappings;
        this.jdbc = jdbc;
        this.json = json;
        this.pathValues = pathValues;
        this.staff = staff;
        this.portalToken = portalToken;
        this.counterpartyKey = counterpartyKey;
    }

    void run() {
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("org.freezedesk")) {
                return;
            }
            for (String pattern : patterns(info)) {
                for (HttpMethod method : methods(info)) {
                    attack(method, pattern, handler);
                }
            }
        });
    }

    private void attack(HttpMethod method, String pattern, HandlerMethod handler) {
        String path = fill(pattern, null);
        List<String> fields = new ArrayList<>();
        List<String> listFields = new ArrayList<>();
        Class<?> bodyType = null;
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                bodyType = type;
            } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
                if (name != null) {
                    fields.add(name);
                }
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class) || isForm(type)) {
                formFields(type, "", fields, listFields, 0);
            }
        }
        boolean nothingToFill = bodyType == null && fields.isEmpty();
        for (Hostile hostile : nothingToFill ? List.<Hostile>of() : VALUES) {
            if (bodyType != null) {
                send(method, path, hostile.name() + " in every field", jsonBody(bodyType, hostile.value()), null);
            } else {
                Map<String, String> params = new LinkedHashMap<>();
                fields.forEach(f -> params.put(f, hostile.value()));
                send(method, path, hostile.name() + " in every field", null, params);
            }
        }
        if (bodyType != null) {
            send(method, path, "unreadable JSON", "{\"title\": ", null);
            send(method, path, "empty body", "", null);
            send(method, path, "every field null", nullBody(bodyType), null);
            send(method, path, "wrong types", wrongTypes(bodyType), null);
        }
        for (String list : listFields) {
            for (String index : INDEXES) {
                send(method, path, "index " + index + " of " + list, null, Map.of(list.replace("[0]", "[" + index + "]"), "x"));
            }
        }
        if (pattern.contains("{")) {
            send(method, fill(pattern, "99999999999999999999"), "20-digit path values", null, Map.of());
            send(method, fill(pattern, "-1"), "negative path values", null, Map.of());
        }
    }

    /**
     * A request that is valid but for one field, for each field and each hostile value: this reaches the checks
     * (and the database) that a request wrong everywhere never gets to.
     */
    void oneFieldAtATime(HttpMethod method, String path, Map<String, String> valid) {
        valid.keySet().forEach(field -> VALUES.forEach(hostile -> {
            Map<String, String> params = new LinkedHashMap<>(valid);
            params.put(field, hostile.value());
            send(method, path, hostile.name() + " in " + field, null, params);
        }));
    }

    /** As {@link #oneFieldAtATime}, for a JSON body: each of its text values in turn. */
    void oneJsonValueAtATime(String path, String validJson) {
        try {
            JsonNode valid = json.readTree(validJson);
            for (String pointer : leaves(valid, "")) {
                for (Hostile hostile : VALUES) {
                    JsonNode body = valid.deepCopy();
                    JsonPointer at = JsonPointer.compile(pointer);
                    ((ObjectNode) body.at(at.head())).put(at.last().getMatchingProperty(), hostile.value());
                    send(HttpMethod.POST, path, hostile.name() + " in " + pointer, body.toString(), null);
                }
                JsonNode nulled = valid.deepCopy();
                JsonPointer at = JsonPointer.compile(pointer);
                ((ObjectNode) nulled.at(at.head())).putNull(at.last().getMatchingProperty());
                send(HttpMethod.POST, path, "null in " + pointer, nulled.toString(), null);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getValue().isContainerNode()) {
                    leaves.add(pointer + "/" + e.getKey());
                }
                leaves.addAll(leaves(e.getValue(), pointer + "/" + e.getKey()));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves.addAll(leaves(node.get(i), pointer + "/" + i));
            }
        } else {
            leaves.add(pointer);
        }
        return leaves.stream().filter(p -> !p.matches(".*/\\d+$")).toList();
    }

    /** One request as given, for a way in that needs a particular form of value. */
    void send(HttpMethod method, String path, String what, Map<String, String> params) {
        send(method, path, what, null, params);
    }

    private void send(HttpMethod method, String path, String what, String body, Map<String, String> params) {
        Map<String, Long> before = counts();
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        if (params != null) {
            params.forEach(request::param);
        }
        authenticate(request, path);
        // Each request from its own address: the portal's limit on failed look-ups per address must not
        // block the addresses other tests in the same application use.
        int client = requests;
        request.with(r -> {
            r.setRemoteAddr("10.201." + (client / 250 % 250) + "." + (client % 250 + 1));
            return r;
        });
        String label = method + " " + path + " with " + what;
        requests++;
        int status;
        try {
            status = mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (Exception e) {
            serverErrors.add(label + ": " + rootCause(e));
            return;
        }
        if (status >= 500) {
            serverErrors.add(label + ": " + status);
        }
        // A form that is refused comes back with 200 and its errors; one that is taken redirects.
        boolean accepted = method != HttpMethod.GET && status > 200 && status < 400;
        if (!accepted && !counts().equals(before)) {
            changedAfterRefusal.add(label + ": " + status + ", rows " + before + " -> " + counts());
        }
    }

    private void authenticate(MockHttpServletRequestBuilder request, String path) {
        if (path.startsWith("/api/v1/portal")) {
            request.header("Authorization", "Bearer " + portalToken);
        } else if (path.startsWith("/api/v1/counterparty/")) {
            request.header("Authorization", "Bearer " + counterpartyKey);
        } else if (path.startsWith("/api/")) {
            String name = path.startsWith("/api/v1/audit") ? "auditor"
                    : path.startsWith("/api/v1/reviews") || path.startsWith("/api/v1/recovery-reviews") ? "legal" : "agency";
            request.with(user(staff.get(name)));
        } else if (!path.startsWith("/portal")) {
            String name = path.startsWith("/admin") ? "admin" : path.startsWith("/review") ? "legal"
                    : path.startsWith("/audit") ? "auditor" : "agency";
            request.with(user(staff.get(name))).with(csrf());
        } else {
            request.with(csrf());
        }
    }

    private String fill(String pattern, String override) {
        Matcher m = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = pattern.substring(0, m.start() - 1);
            String key = before.substring(before.lastIndexOf('/') + 1) + "/" + m.group(1);
            String value = override != null ? override : pathValues.getOrDefault(key, pathValues.getOrDefault(m.group(1), "1"));
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        return path.toString().replace("/**", "");
    }

    private static boolean isForm(Class<?> type) {
        return type.getName().startsWith("org.freezedesk") && !type.isEnum() && !type.isRecord() && !type.isInterface()
                && BeanUtils.getPropertyDescriptors(type).length > 1;
    }

    /** The bound fields of a form type, as a browser would name them; lists as {@code name[0].field}. */
    private static void formFields(Class<?> type, String prefix, List<String> fields, List<String> listFields, int depth) {
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() == null || depth > 2) {
                continue;
            }
            Class<?> propertyType = property.getPropertyType();
            String name = prefix + property.getName();
            if (MultipartFile.class.isAssignableFrom(propertyType)) {
                continue;
            }
            if (List.class.isAssignableFrom(propertyType)) {
                Class<?> element = elementType(property.getWriteMethod());
                if (element != null && isForm(element)) {
                    List<String> inner = new ArrayList<>();
                    formFields(element, name + "[0].", inner, listFields, depth + 1);
                    fields.addAll(inner);
                    inner.stream().findFirst().ifPresent(listFields::add);
                } else {
                    fields.add(name);
                }
            } else if (isForm(propertyType)) {
                formFields(propertyType, name + ".", fields, listFields, depth + 1);
            } else {
                fields.add(name);
            }
        }
    }

    private static Class<?> elementType(Method setter) {
        Type type = setter.getGenericParameterTypes()[0];
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private String jsonBody(Class<?> type, String value) {
        return json.valueToTree(jsonObject(type, value, 0)).toString();
    }

    private Map<String, Object> jsonObject(Class<?> type, String value, int depth) {
        Map<String, Object> object = new TreeMap<>();
        for (PropertyDescriptor property : jsonProperties(type)) {
            Class<?> propertyType = property.getPropertyType();
            if (List.class.isAssignableFrom(propertyType)) {
                Class<?> element = property.getWriteMethod() == null ? null : elementType(property.getWriteMethod());
                object.put(property.getName(), element != null && isForm(element) && depth < 2
                        ? List.of(jsonObject(element, value, depth + 1)) : List.of(value));
            } else if (isForm(propertyType) && depth < 2) {
                object.put(property.getName(), jsonObject(propertyType, value, depth + 1));
            } else {
                object.put(property.getName(), value);
            }
        }
        return object;
    }

    private String nullBody(Class<?> type) {
        ObjectNode body = json.createObjectNode();
        jsonProperties(type).forEach(p -> body.putNull(p.getName()));
        return body.toString();
    }

    private String wrongTypes(Class<?> type) {
        ObjectNode body = json.createObjectNode();
        jsonProperties(type).forEach(p -> {
            if (List.class.isAssignableFrom(p.getPropertyType())) {
                body.put(p.getName(), "not a list");
            } else {
                body.putArray(p.getName()).add(1).add(true);
            }
        });
        return body.toString();
    }

    private static List<PropertyDescriptor> jsonProperties(Class<?> type) {
        if (type.isRecord()) {
            List<PropertyDescriptor> components = new ArrayList<>();
            for (var component : type.getRecordComponents()) {
                try {
                    components.add(new PropertyDescriptor(component.getName(), component.getAccessor(), null));
                } catch (java.beans.IntrospectionException e) {
                    throw new IllegalStateException(e);
                }
            }
            return components;
        }
        List<PropertyDescriptor> properties = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null && !MultipartFile.class.isAssignableFrom(property.getPropertyType())) {
                properties.add(property);
            }
        }
        return properties;
    }

    private static List<String> patterns(RequestMappingInfo info) {
        return info.getPathPatternsCondition() != null ? List.copyOf(info.getPathPatternsCondition().getPatternValues())
                : List.copyOf(info.getPatternValues());
    }

    private static List<HttpMethod> methods(RequestMappingInfo info) {
        Set<org.springframework.web.bind.annotation.RequestMethod> declared = info.getMethodsCondition().getMethods();
        if (declared.isEmpty()) {
            return List.of(HttpMethod.GET, HttpMethod.POST);
        }
        return declared.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : MAIN_TABLES) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
    }
}
