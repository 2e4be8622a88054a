package org.freezedesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of an event: an RFC 8785 (JCS) JSON object whose members are all strings or null,
 * so anyone can recompute a hash from an export with any JSON library, or with none. Timestamps are UTC
 * with exactly six fractional digits, the precision PostgreSQL stores, so what is hashed is what is kept.
 */
public final class Canonical {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private Canonical() {
    }

    public static OffsetDateTime timestamp(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static String format(OffsetDateTime time) {
        return TIMESTAMP.format(timestamp(time));
    }

    static Map<String, String> fields(AuditEvent e) {
        // TreeMap orders keys by UTF-16 code units, which is the member order RFC 8785 prescribes.
        Map<String, String> fields = new TreeMap<>();
        fields.put("occurredAt", format(e.occurredAt()));
        fields.put("actor", e.actor());
        fields.put("actorRole", e.actorRole());
        fields.put("clientAddress", e.clientAddress());
        fields.put("action", e.action());
        fields.put("objectType", e.objectType());
        fields.put("objectId", e.objectId());
        fields.put("caseReference", e.caseReference());
        fields.put("before", e.beforeValue());
        fields.put("after", e.afterValue());
        fields.put("prevHash", e.prevHash());
        fields.put("casePrevHash", e.casePrevHash());
        return fields;
    }

    static String content(AuditEvent e) {
        return json(fields(e));
    }

    /** RFC 8785 serialisation of a flat object of strings and nulls. */
    public static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            string(json, name);
            json.append(':');
            if (value == null) {
                json.append("null");
            } else {
                string(json, value);
            }
        });
        return json.append('}').toString();
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u00").append(HexFormat.of().toHexDigits((byte) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    public static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(AuditConstants.HASH_ALGORITHM)
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
