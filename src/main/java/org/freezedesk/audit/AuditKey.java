package org.freezedesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The secret that keys every event's hash (HMAC-SHA256 of its canonical text). It comes from the
 * configuration, never from the database, so whoever can write the database can still not produce a hash
 * that verifies. {@code previousKeys} still verify events sealed before a rotation; {@code unkeyedUpTo}
 * is the last event id sealed before hashes were keyed (plain SHA-256), on installations that had a log
 * then.
 */
@ConfigurationProperties("freezedesk.audit")
public record AuditKey(String hmacKey, List<String> previousHmacKeys, Long unkeyedUpTo) {

    static final String ALGORITHM = "HmacSHA256";

    /** At least 32 characters: the key must be as hard to guess as the hash is to break. */
    public AuditKey {
        if (hmacKey == null || hmacKey.length() < 32) {
            throw new IllegalStateException("freezedesk.audit.hmac-key (FREEZEDESK_AUDIT_HMAC_KEY) must have at least 32 characters");
        }
        previousHmacKeys = previousHmacKeys == null ? List.of() : List.copyOf(previousHmacKeys);
    }

    /** The hash a new event is sealed with. */
    public String seal(String canonical) {
        return hmac(hmacKey, canonical);
    }

    /** Whether {@code hash} seals {@code canonical} under the current key, a previous one, or (for old events) none. */
    public boolean sealed(long eventId, String canonical, String hash) {
        if (hash == null) {
            return false;
        }
        if (matches(seal(canonical), hash)) {
            return true;
        }
        for (String previous : previousHmacKeys) {
            if (matches(hmac(previous, canonical), hash)) {
                return true;
            }
        }
        return unkeyedUpTo != null && eventId <= unkeyedUpTo && matches(Canonical.sha256(canonical), hash);
    }

    private static boolean matches(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), actual.getBytes(StandardCharsets.US_ASCII));
    }

    private static String hmac(String key, String content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[hidden]";
    }
}
