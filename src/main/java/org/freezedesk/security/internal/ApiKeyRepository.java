package org.freezedesk.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.freezedesk.security.ApiKey;
import org.freezedesk.security.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for {@code api_key}. A key belongs to a staff user or to a counterparty, never both. */
@Repository
public class ApiKeyRepository {

    /** What authenticating a call needs, in one row read by the secret's hash. */
    public record StoredKey(long id, String ownerUsername, Long counterpartyId, String name, Set<Role> scopes,
            OffsetDateTime expiresAt, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {
    }

    private static final RowMapper<ApiKey> KEY = (rs, n) -> new ApiKey(rs.getLong("id"), rs.getString("name"),
            rs.getString("hint"), scopes(rs.getString("scopes")), rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
            rs.getString("revoked_by"), rs.getObject("revoked_at", OffsetDateTime.class),
            rs.getObject("last_used_at", OffsetDateTime.class));

    private final JdbcClient jdbc;

    public ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the owner already has a key of that name: the unique constraint decides between racing requests. */
    public Optional<Long> insert(String ownerUsername, Long counterpartyId, String name, String secretHash, String hint,
            Set<Role> scopes, String createdBy, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO api_key (owner_username, counterparty_id, name, secret_hash, hint, scopes, created_by, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(ownerUsername, counterpartyId, name, secretHash, hint,
                            scopes.stream().map(Role::name).sorted().collect(Collectors.joining(",")), createdBy, createdAt, expiresAt)
                    .update(key, "id");
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    /**
     * Holds the user's account row until the transaction ends, so that two keys created at once (on any node) are
     * counted one after the other against {@link org.freezedesk.security.ApiKeys#maxWorking()}.
     */
    public void lockUser(String username) {
        jdbc.sql("SELECT username FROM app_user WHERE username = ? FOR UPDATE").param(username).query(String.class).list();
    }

    /** Keys neither revoked nor expired. */
    public int working(String username, Long counterpartyId, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM api_key WHERE revoked_at IS NULL AND expires_at > ?
                AND (owner_username = ? OR counterparty_id = ?)""")
                .params(now, username, counterpartyId).query(Integer.class).single();
    }

    public Optional<StoredKey> byHash(String secretHash) {
        return jdbc.sql("""
                SELECT id, owner_username, counterparty_id, name, scopes, expires_at, revoked_at, last_used_at
                FROM api_key WHERE secret_hash = ?""")
                .param(secretHash)
                .query((rs, n) -> new StoredKey(rs.getLong("id"), rs.getString("owner_username"),
                        rs.getObject("counterparty_id", Long.class), rs.getString("name"), scopes(rs.getString("scopes")),
                        rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class),
                        rs.getObject("last_used_at", OffsetDateTime.class)))
                .optional();
    }

    public ApiKey find(long id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = ?").param(id).query(KEY).single();
    }

    /** Newest first. */
    public List<ApiKey> ofUser(String username) {
        return jdbc.sql("SELECT * FROM api_key WHERE owner_username = ? ORDER BY id DESC").param(username).query(KEY).list();
    }

    public List<ApiKey> ofCounterparty(long counterpartyId) {
        return jdbc.sql("SELECT * FROM api_key WHERE counterparty_id = ? ORDER BY id DESC").param(counterpartyId).query(KEY).list();
    }

    public Optional<ApiKey> ofUser(String username, long id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = ? AND owner_username = ?").params(id, username).query(KEY).optional();
    }

    public Optional<ApiKey> ofCounterparty(long counterpartyId, long id) {
        return jdbc.sql("SELECT * FROM api_key WHERE id = ? AND counterparty_id = ?").params(id, counterpartyId).query(KEY).optional();
    }

    /** False if it was revoked already, by this call's twin or earlier. */
    public boolean revoke(long id, String revokedBy, OffsetDateTime at) {
        return jdbc.sql("UPDATE api_key SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(revokedBy, at, id).update() > 0;
    }

    /** Conditional, so that nodes recording the same minute's use do not each write it. */
    public void recordUse(long id, OffsetDateTime at, OffsetDateTime unlessUsedSince) {
        jdbc.sql("UPDATE api_key SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(at, id, unlessUsedSince).update();
    }

    /** How a secret is stored and looked up: SHA-256, hex. A random 256-bit secret needs no salt nor slow hash. */
    public static String hashOf(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Set<Role> scopes(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(",")).filter(s -> !s.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return roles;
    }
}
