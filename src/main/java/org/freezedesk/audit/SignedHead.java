package org.freezedesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A chain head signed with FreezeDesk's Ed25519 key, as exported to a file and mailed to the auditors.
 * Its text is a few {@code name: value} lines; the signature covers every line before its own. Kept
 * outside the database, it lets a verification later prove that nothing up to its event was changed,
 * removed or re-hashed, even by someone who rewound the head row as well.
 */
public record SignedHead(ChainHead head, OffsetDateTime signedAt, String signature) {

    public static final String FORMAT = "freezedesk-audit-head/1";
    static final String ALGORITHM = "Ed25519";

    /** Longer texts are refused unread: a signed head is a few hundred characters. */
    static final int MAX_TEXT = 4096;

    public static SignedHead sign(ChainHead head, OffsetDateTime signedAt, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(content(head, Canonical.timestamp(signedAt)).getBytes(StandardCharsets.UTF_8));
            return new SignedHead(head, Canonical.timestamp(signedAt), Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the chain head", e);
        }
    }

    /** The text to keep: the signed lines, then the signature. */
    public String text() {
        return content(head, signedAt) + "signature: " + signature + "\n";
    }

    /** Reads a signed head and checks its signature; refuses anything else with a reason. */
    public static SignedHead parse(String text, PublicKey key) {
        if (text == null || text.length() > MAX_TEXT) {
            throw ChainHead.InvalidChainHeadException.notSigned("at most " + MAX_TEXT + " characters");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.strip().split("\\R")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 2).strip());
            }
        }
        try {
            if (!FORMAT.equals(fields.get("format"))) {
                throw new IllegalArgumentException("format is not " + FORMAT);
            }
            ChainHead head = new ChainHead(Long.parseLong(fields.get("event")), fields.get("hash"), Long.parseLong(fields.get("events")));
            OffsetDateTime signedAt = OffsetDateTime.parse(fields.get("signed-at"));
            String signature = fields.get("signature");
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(content(head, signedAt).getBytes(StandardCharsets.UTF_8));
            if (signature == null || !head.hash().matches("[0-9a-f]{64}") || !verifier.verify(Base64.getDecoder().decode(signature))) {
                throw new IllegalArgumentException("its signature does not verify with FreezeDesk's public key");
            }
            return new SignedHead(head, signedAt, signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw ChainHead.InvalidChainHeadException.notSigned(String.valueOf(e.getMessage()));
        }
    }

    private static String content(ChainHead head, OffsetDateTime signedAt) {
        return "FreezeDesk audit chain head\n"
                + "format: " + FORMAT + "\n"
                + "event: " + head.eventId() + "\n"
                + "hash: " + head.hash() + "\n"
                + "events: " + head.eventCount() + "\n"
                + "signed-at: " + Canonical.format(signedAt) + "\n";
    }
}
