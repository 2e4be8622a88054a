package org.freezedesk.audit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.audit.AuditConstants;
import org.freezedesk.audit.Canonical;
import org.springframework.stereotype.Component;

/**
 * Checks a case's JSON export without the database: every event's canonical text is in canonical
 * form, hashes to the event's hash and says what the event's fields say, and every event links to the
 * case's event before it, from the genesis hash up to the export's case head.
 */
@Component
public class ExportVerifier {

    private static final Set<String> CANONICAL_FIELDS = Set.of("occurredAt", "actor", "actorRole", "clientAddress", "action",
            "objectType", "objectId", "caseReference", "before", "after", "prevHash", "casePrevHash");

    private final ObjectMapper objectMapper;

    public ExportVerifier(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public ExportVerification verify(InputStream json) throws IOException {
        return verify(objectMapper.readTree(json));
    }

    public ExportVerification verify(JsonNode export) {
        String caseReference = export.path("caseReference").asText(null);
        if (!AuditConstants.EXPORT_FORMAT.equals(export.path("format").asText())) {
            return broken(caseReference, 0, null, "not a " + AuditConstants.EXPORT_FORMAT + " file");
        }
        String expectedCasePrevHash = AuditConstants.GENESIS_HASH;
        int checked = 0;
        for (JsonNode event : export.path("events")) {
            Long id = event.path("id").isIntegralNumber() ? event.path("id").asLong() : null;
            String problem = check(event, caseReference, expectedCasePrevHash);
            if (problem != null) {
                return broken(caseReference, checked, id, problem);
            }
            expectedCasePrevHash = event.path("hash").asText();
            checked++;
        }
        if (!expectedCasePrevHash.equals(export.path("caseHead").asText())) {
            return broken(caseReference, checked, null, "the case head " + export.path("caseHead").asText()
                    + " is not the hash of the last event, " + expectedCasePrevHash + " (events at the end were removed)");
        }
        return new ExportVerification(true, caseReference, checked, null, null);
    }

    private String check(JsonNode event, String caseReference, String expectedCasePrevHash) {
        String canonical = event.path("canonical").asText(null);
        if (canonical == null) {
            return "has no canonical content";
        }
        Map<String, String> fields;
        try {
            fields = flatStrings(objectMapper.readTree(canonical));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return "its canonical content is not a flat JSON object of strings";
        }
        if (!fields.keySet().equals(CANONICAL_FIELDS) || !Canonical.json(fields).equals(canonical)) {
            return "its canonical content is not in canonical form";
        }
        if (!Canonical.sha256(canonical).equals(event.path("hash").asText())) {
            return "its canonical content does not match its hash " + event.path("hash").asText();
        }
        for (String name : CANONICAL_FIELDS) {
            JsonNode shown = event.path(name);
            if (!Objects.equals(shown.isNull() || shown.isMissingNode() ? null : shown.asText(), fields.get(name))) {
                return "its field " + name + " says something else than its hashed content";
            }
        }
        if (!Objects.equals(fields.get("caseReference"), caseReference)) {
            return "belongs to case " + fields.get("caseReference") + ", not " + caseReference;
        }
        if (!expectedCasePrevHash.equals(fields.get("casePrevHash"))) {
            return "links to " + fields.get("casePrevHash") + " but the case's event before it has hash " + expectedCasePrevHash
                    + " (an event was removed, inserted or reordered)";
        }
        return null;
    }

    private static Map<String, String> flatStrings(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        Map<String, String> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual() && !field.getValue().isNull()) {
                throw new IllegalArgumentException(field.getKey() + " is not a string");
            }
            fields.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
        }
        return fields;
    }

    private static ExportVerification broken(String caseReference, int checked, Long eventId, String problem) {
        return new ExportVerification(false, caseReference, checked, eventId, problem);
    }
}
