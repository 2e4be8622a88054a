package org.freezedesk.counterpartyrequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The single-purpose links counterparties open from their e-mail. A token is 256 random bits; only its
 * SHA-256 is stored, so a copy of the database opens no portal. Issuing a new token replaces the old one.
 */
@Component
public class AccessLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CounterpartyRequestRepository counterpartyRequests;
    private final Duration validity;
    private final String baseUrl;

    public AccessLinks(CounterpartyRequestRepository counterpartyRequests,
            @Value("${freezedesk.portal.link-validity}") Duration validity, @Value("${freezedesk.base-url}") String baseUrl) {
        this.counterpartyRequests = counterpartyRequests;
        this.validity = validity;
        this.baseUrl = baseUrl;
    }

    /** Returns the URL to send; it is never stored. */
    public String issue(long counterpartyRequestId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        counterpartyRequests.replaceToken(counterpartyRequestId, hash(token), OffsetDateTime.now(ZoneOffset.UTC).plus(validity));
        return baseUrl + "/portal/" + token;
    }

    /** The counterparty request a token opens, if the token is current. */
    public Optional<CounterpartyRequest> resolve(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return counterpartyRequests.findByTokenHash(hash(token))
                .filter(request -> request.tokenExpiresAt() != null
                        && request.tokenExpiresAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC)));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
