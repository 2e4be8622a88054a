package org.freezedesk.audit;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Ed25519 key pair that signs exported chain heads: {@code privateKey} as base64 PKCS#8,
 * {@code publicKey} as base64 X.509 (what {@code openssl pkey -outform DER | base64} prints). Both come from
 * the configuration; the public key may be handed to anyone who checks a head.
 */
@ConfigurationProperties("freezedesk.audit.signing")
public record AuditHeadKeys(String privateKey, String publicKey) {

    public PrivateKey signing() {
        try {
            return KeyFactory.getInstance(SignedHead.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(required(privateKey, "private-key"))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("freezedesk.audit.signing.private-key is not a base64 PKCS#8 Ed25519 key", e);
        }
    }

    public PublicKey verifying() {
        try {
            return KeyFactory.getInstance(SignedHead.ALGORITHM)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(required(publicKey, "public-key"))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("freezedesk.audit.signing.public-key is not a base64 X.509 Ed25519 key", e);
        }
    }

    /** A head kept earlier, as {@code <event id>:<hash>} or as a signed head (whose signature must verify). */
    public ChainHead kept(String text) {
        return text.contains("signature:") ? SignedHead.parse(text, verifying()).head() : ChainHead.parse(text);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("freezedesk.audit.signing." + name + " is not set");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "AuditHeadKeys[publicKey=" + publicKey + "]";
    }
}
