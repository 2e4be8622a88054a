package org.freezedesk.security;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A key as its owner and the admin see it: never the secret, only its first characters ({@code hint}) to tell keys
 * apart. {@code scopes} is empty for a counterparty's key, which acts as that counterparty and nothing else.
 */
public record ApiKey(long id, String name, String hint, Set<Role> scopes, String createdBy, OffsetDateTime createdAt,
        OffsetDateTime expiresAt, String revokedBy, OffsetDateTime revokedAt, OffsetDateTime lastUsedAt) {

    public boolean usableAt(OffsetDateTime now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
