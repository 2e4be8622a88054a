package org.freezedesk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks exported documents against the published schemas shipped in {@code src/test/resources/sharing-formats}
 * (their origin and licence are in ORIGIN.md there). Each answer is the list of violations, empty when valid.
 */
public final class SharingSchemas {

    private static final String STIX_COMMON = "classpath:sharing-formats/stix/common/";
    private static final Pattern BUNDLE_ID = Pattern.compile(
            "bundle--[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(resolvers -> resolvers
                    .mapPrefix("https://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/master/schemas/common/", STIX_COMMON)
                    .mapPrefix("https://raw.githubusercontent.com/st3l1n/cti-stix2-json-schemas/master/schemas/common/", STIX_COMMON)));
    private static final Map<String, Schema> STIX_OBJECTS = Map.of(
            "cryptocurrency-wallet", REGISTRY.getSchema(SchemaLocation.of("classpath:sharing-formats/stix/extension/cryptocurrency-wallet.json")),
            "cryptocurrency-transaction", REGISTRY.getSchema(SchemaLocation.of("classpath:sharing-formats/stix/extension/cryptocurrency-transaction.json")));
    private static final JsonNode COIN_ADDRESS = read("sharing-formats/misp/coin-address/definition.json");

    private SharingSchemas() {
    }

    /**
     * The bundle's envelope as STIX 2.1 defines it (type, id, objects), every wallet and transaction against the
     * extension's schemas, and the agency's identity with the properties STIX 2.1 requires of one.
     */
    public static List<String> stixViolations(JsonNode bundle) {
        List<String> violations = new ArrayList<>();
        if (!"bundle".equals(bundle.path("type").asText())) {
            violations.add("type is not bundle");
        }
        if (!BUNDLE_ID.matcher(bundle.path("id").asText()).matches()) {
            violations.add("id is not bundle--<uuid>");
        }
        if (!bundle.path("objects").isArray() || bundle.path("objects").isEmpty()) {
            violations.add("objects is not a non-empty array");
        }
        for (JsonNode object : bundle.path("objects")) {
            String type = object.path("type").asText();
            Schema schema = STIX_OBJECTS.get(type);
            if (schema != null) {
                schema.validate(object).forEach(error -> violations.add(object.path("id").asText() + ": " + error.getMessage()));
            } else if (type.equals("identity")) {
                for (String required : List.of("spec_version", "id", "created", "modified", "name")) {
                    if (!object.path(required).isTextual()) {
                        violations.add("identity lacks " + required);
                    }
                }
            } else {
                violations.add("unexpected object type " + type);
            }
        }
        return violations;
    }

    /**
     * A MISP event of coin-address objects against the published object template: MISP publishes no JSON schema of
     * events, so each object is checked as MISP checks one against its template (name, template uuid and version,
     * each attribute's relation and type, one of the required relations present).
     */
    public static List<String> mispViolations(JsonNode event) {
        List<String> violations = new ArrayList<>();
        JsonNode body = event.path("Event");
        for (String required : List.of("uuid", "info", "date")) {
            if (!body.path(required).isTextual()) {
                violations.add("Event lacks " + required);
            }
        }
        JsonNode templateAttributes = COIN_ADDRESS.get("attributes");
        for (JsonNode object : body.path("Object")) {
            String id = object.path("uuid").asText();
            if (!COIN_ADDRESS.get("name").asText().equals(object.path("name").asText())) {
                violations.add(id + ": not a coin-address object");
            }
            if (!COIN_ADDRESS.get("uuid").asText().equals(object.path("template_uuid").asText())
                    || !COIN_ADDRESS.get("version").asText().equals(object.path("template_version").asText())) {
                violations.add(id + ": template uuid or version is not the template's");
            }
            List<String> relations = new ArrayList<>();
            for (JsonNode attribute : object.path("Attribute")) {
                String relation = attribute.path("object_relation").asText();
                JsonNode defined = templateAttributes.get(relation);
                if (defined == null) {
                    violations.add(id + ": the template has no attribute " + relation);
                } else if (!defined.get("misp-attribute").asText().equals(attribute.path("type").asText())) {
                    violations.add(id + ": " + relation + " has type " + attribute.path("type").asText() + ", the template "
                            + defined.get("misp-attribute").asText());
                }
                if (relations.contains(relation) && !defined.path("multiple").asBoolean(false)) {
                    violations.add(id + ": " + relation + " appears twice");
                }
                relations.add(relation);
            }
            boolean oneOf = false;
            for (JsonNode required : COIN_ADDRESS.get("requiredOneOf")) {
                oneOf |= relations.contains(required.asText());
            }
            if (!oneOf) {
                violations.add(id + ": none of " + COIN_ADDRESS.get("requiredOneOf"));
            }
        }
        if (body.path("Object").isEmpty()) {
            violations.add("Event has no Object");
        }
        return violations;
    }

    private static JsonNode read(String resource) {
        try (InputStream in = SharingSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
