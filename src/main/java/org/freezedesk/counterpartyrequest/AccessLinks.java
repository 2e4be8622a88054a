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
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The single-purpose links counterparties open from their e-mail. A token is 256 random bits; only its
 * SHA-256 is stored, so a copy of the database opens no portal. Every mail carries a new token and the
 * previous one stops working; the hashes of ended links stay, so that their holder can ask for a fresh link.
 */
@Component
public class AccessLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final JdbcClient jdbc;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final Duration validity;
    private final String baseUrl;

    AccessLinks(JdbcClient jdbc, CounterpartyRequestRepository counterpartyRequests,
            @Value("${freezedesk.portal.link-validity}") Duration validity, @Value("${freezedesk.base-url}") String baseUrl) {
        this.jdbc = jdbc;
        this.counterpartyRequests = counterpartyRequests;
        this.validity = validity;
        this.baseUrl = baseUrl;
    }

    /** Replaces the request's current link with a new one and returns the URL to send; the token itself is never stored. */
    public String issue(long counterpartyRequestId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime now = now();
        end(counterpartyRequestId, LinkState.REPLACED);
        jdbc.sql("""
                INSERT INTO counterparty_link (counterparty_request_id, token_hash, state, issued_at, expires_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(counterpartyRequestId, hash(token), LinkState.ACTIVE.name(), now, now.plus(validity))
                .update();
        return baseUrl + "/portal/" + token;
    }

    /** Ends the request's current link; false when it had none. */
    public boolean revoke(long counterpartyRequestId) {
        return end(counterpartyRequestId, LinkState.REVOKED) > 0;
    }

    /** The counterparty request a token opens, if the token is current. */
    public Optional<CounterpartyRequest> resolve(String token) {
        return lookUp(token).filter(Link::opens).map(Link::counterpartyRequest);
    }

    /** Whatever the token once was, including ended links; empty for a token never issued. */
    public Optional<Link> lookUp(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT counterparty_request_id, state, expires_at FROM counterparty_link WHERE token_hash = ?")
                .param(hash(token))
                .query((rs, n) -> new LinkRow(rs.getLong("counterparty_request_id"), LinkState.valueOf(rs.getString("state")),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .optional()
                .map(row -> new Link(counterpartyRequests.find(row.counterpartyRequestId()), row.effectiveState(now()), row.expiresAt()));
    }

    /** The request's latest link, as the agency sees it; empty before the first mail went out. */
    public Optional<Link> current(long counterpartyRequestId) {
        return jdbc.sql("""
                SELECT counterparty_request_id, state, expires_at FROM counterparty_link
                WHERE counterparty_request_id = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .param(counterpartyRequestId)
                .query((rs, n) -> new LinkRow(rs.getLong("counterparty_request_id"), LinkState.valueOf(rs.getString("state")),
                        rs.getObject("expires_at", OffsetDateTime.class)))
                .optional()
                .map(row -> new Link(counterpartyRequests.find(counterpartyRequestId), row.effectiveState(now()), row.expiresAt()));
    }

    private int end(long counterpartyRequestId, LinkState state) {
        return jdbc.sql("UPDATE counterparty_link SET state = ?, ended_at = ? WHERE counterparty_request_id = ? AND state = ?")
                .params(state.name(), now(), counterpartyRequestId, LinkState.ACTIVE.name())
                .update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private record LinkRow(long counterpartyRequestId, LinkState state, OffsetDateTime expiresAt) {

        LinkState effectiveState(OffsetDateTime now) {
            return state == LinkState.ACTIVE && !expiresAt.isAfter(now) ? LinkState.EXPIRED : state;
        }
    }

    /** A link and the request it belongs to, whether or not it still opens. */
    public record Link(CounterpartyRequest counterpartyRequest, LinkState state, OffsetDateTime expiresAt) {

        public boolean opens() {
            return state == LinkState.ACTIVE;
        }
    }
}
