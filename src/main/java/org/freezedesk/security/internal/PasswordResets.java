package org.freezedesk.security.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freezedesk.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links to choose a password: mailed when an account is created and when an admin resets it. The token
 * (256 random bits) is only in the mail; the database keeps its SHA-256. A new link replaces the unused ones.
 */
@Component
class PasswordResets {

    static final Duration VALIDITY = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MailOutbox outbox;
    private final PasswordEncoder encoder;
    private final String baseUrl;

    PasswordResets(JdbcClient jdbc, MailOutbox outbox, PasswordEncoder encoder, @Value("${freezedesk.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.encoder = encoder;
        this.baseUrl = baseUrl;
    }

    /** Stores a new link and, through the outbox, mails it once the caller's transaction has committed. */
    @Transactional
    void issue(Account account, String reason) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(VALIDITY);
        jdbc.sql("DELETE FROM password_reset WHERE username = ? AND used_at IS NULL").param(account.username()).update();
        jdbc.sql("INSERT INTO password_reset (token_hash, username, expires_at) VALUES (?, ?, ?)")
                .params(SecondFactor.sha256(token), account.username(), expiresAt).update();
        Map<String, Object> model = Map.of("displayName", account.displayName(), "username", account.username(), "reason", reason,
                "link", baseUrl + "/password-reset/" + token,
                "expiresAt", expiresAt.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        outbox.send(List.of(account.email()), "FreezeDesk: choose your password", "password-reset", model);
    }

    /** The account a link is for, while it is unused and unexpired. */
    Optional<String> usernameOf(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT username FROM password_reset WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(SecondFactor.sha256(token), OffsetDateTime.now(ZoneOffset.UTC)).query(String.class).optional();
    }

    /** Sets the password and spends the link; false when the link was used (even a moment ago) or expired. */
    @Transactional
    boolean use(String token, String password) {
        Optional<String> username = usernameOf(token);
        if (username.isEmpty()) {
            return false;
        }
        int spent = jdbc.sql("UPDATE password_reset SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(OffsetDateTime.now(ZoneOffset.UTC), SecondFactor.sha256(token)).update();
        if (spent != 1) {
            return false;
        }
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?").params(encoder.encode(password), username.get()).update();
        return true;
    }
}
