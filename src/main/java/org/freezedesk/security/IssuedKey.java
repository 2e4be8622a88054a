package org.freezedesk.security;

/** A key just created, with its secret: the only time the secret exists outside the caller's hands. */
public record IssuedKey(ApiKey key, String secret) {
}
