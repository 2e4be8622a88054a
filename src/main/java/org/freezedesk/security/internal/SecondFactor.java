package org.freezedesk.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP (RFC 6238, 6 digits, 30 s, SHA-1: what every authenticator app reads) and single-use recovery codes.
 * A code is accepted one step either side of now, and never twice: the step of the last accepted code is stored,
 * so a code seen over someone's shoulder is worthless once used. Recovery codes are stored as SHA-256 hashes;
 * they carry 80 random bits, so no salt or slow hash is needed.
 */
@Component
public class SecondFactor {

    static final int RECOVERY_CODES = 10;
    private static final int PERIOD_SECONDS = 30;
    private static final String ISSUER = "FreezeDesk";

    private final JdbcClient jdbc;
    private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);
    private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);
    private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

    SecondFactor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String newSecret() {
        return secrets.generate();
    }

    /** The enrolment QR code as a data: URI, for an authenticator app to scan. */
    public String qrCode(String secret, String username) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(ISSUER)
                .algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
        } catch (QrGenerationException e) {
            throw new IllegalStateException("could not draw the enrolment QR code", e);
        }
    }

    public boolean enrolled(String username) {
        return secretOf(username).isPresent();
    }

    /** Whether {@code code} is the current code of a secret not yet stored (enrolment). */
    public boolean matches(String secret, String code) {
        return matchingStep(secret, code).isPresent();
    }

    /**
     * Stores the confirmed secret and returns fresh recovery codes, shown to the user once. Replaces any earlier
     * secret and codes.
     */
    @Transactional
    public List<String> enrol(String username, String secret, String confirmingCode) {
        long step = matchingStep(secret, confirmingCode).orElseThrow(() -> new IllegalArgumentException("wrong code"));
        jdbc.sql("UPDATE app_user SET totp_secret = ?, totp_enrolled_at = ?, totp_last_step = ? WHERE username = ?")
                .params(secret, OffsetDateTime.now(ZoneOffset.UTC), step, username).update();
        jdbc.sql("DELETE FROM recovery_code WHERE username = ?").param(username).update();
        List<String> fresh = List.of(recoveryCodes.generateCodes(RECOVERY_CODES));
        for (String code : fresh) {
            jdbc.sql("INSERT INTO recovery_code (username, code_hash) VALUES (?, ?)").params(username, sha256(normalise(code))).update();
        }
        return fresh;
    }

    /**
     * Accepts a current authenticator code not used before, or an unused recovery code (which is then spent).
     * The conditional updates make two simultaneous sign-ins with one code succeed once at most.
     */
    @Transactional
    public boolean verify(String username, String code) {
        if (code == null || code.length() > 40) {
            return false;
        }
        String trimmed = code.strip();
        if (trimmed.matches("\\d{6}")) {
            Optional<String> secret = secretOf(username);
            if (secret.isEmpty()) {
                return false;
            }
            Optional<Long> step = matchingStep(secret.get(), trimmed);
            return step.isPresent() && jdbc.sql("""
                    UPDATE app_user SET totp_last_step = ? WHERE username = ? AND (totp_last_step IS NULL OR totp_last_step < ?)""")
                    .params(step.get(), username, step.get()).update() == 1;
        }
        return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE username = ? AND code_hash = ? AND used_at IS NULL")
                .params(OffsetDateTime.now(ZoneOffset.UTC), username, sha256(normalise(trimmed))).update() == 1;
    }

    /**
     * For HTTP Basic on the API, where a machine calls many times a minute: the code must be current, but may be
     * used again within its window.
     */
    public boolean current(String username, String code) {
        return code != null && code.strip().matches("\\d{6}")
                && secretOf(username).flatMap(secret -> matchingStep(secret, code.strip())).isPresent();
    }

    /** An admin's reset: the account enrols again at its next sign-in. */
    @Transactional
    public void reset(String username) {
        jdbc.sql("UPDATE app_user SET totp_secret = NULL, totp_enrolled_at = NULL, totp_last_step = NULL WHERE username = ?")
                .param(username).update();
        jdbc.sql("DELETE FROM recovery_code WHERE username = ?").param(username).update();
    }

    public int unusedRecoveryCodes(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE username = ? AND used_at IS NULL").param(username)
                .query(Integer.class).single();
    }

    private Optional<String> secretOf(String username) {
        return jdbc.sql("SELECT totp_secret FROM app_user WHERE username = ? AND totp_enrolled_at IS NOT NULL").param(username)
                .query(String.class).optional();
    }

    private Optional<Long> matchingStep(String secret, String code) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
        for (long step = now - 1; step <= now + 1; step++) {
            try {
                if (MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
                        code.strip().getBytes(StandardCharsets.US_ASCII))) {
                    return Optional.of(step);
                }
            } catch (CodeGenerationException e) {
                throw new IllegalStateException("could not compute a TOTP code", e);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String recoveryCode) {
        return recoveryCode.strip().toLowerCase(Locale.ROOT);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
