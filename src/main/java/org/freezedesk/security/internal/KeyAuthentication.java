package org.freezedesk.security.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.freezedesk.security.ApiKeys;
import org.freezedesk.security.CounterpartyClient;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Who a key's secret stands for, by one look-up of its hash: a staff user with the roles the key was given that the
 * user still holds, or a counterparty's system. Revoked, expired, unknown keys, and keys of deactivated accounts,
 * stand for nobody. The last use is written at most once a minute per key, so calls stay reads.
 */
@Component
class KeyAuthentication {

    static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final StaffUserRepository users;

    KeyAuthentication(ApiKeyRepository keys, StaffUserRepository users) {
        this.keys = keys;
        this.users = users;
    }

    Optional<Authentication> authenticate(String secret) {
        if (!secret.startsWith(ApiKeys.PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Optional<ApiKeyRepository.StoredKey> found = keys.byHash(ApiKeyRepository.hashOf(secret));
        if (found.isEmpty() || found.get().revokedAt() != null || !now.isBefore(found.get().expiresAt())) {
            return Optional.empty();
        }
        ApiKeyRepository.StoredKey key = found.get();
        Optional<Authentication> authentication = key.counterpartyId() != null
                ? Optional.of(new Token(new CounterpartyClient(key.counterpartyId(), key.name()),
                        List.of(new SimpleGrantedAuthority(CounterpartyClient.AUTHORITY)),
                        "counterparty " + key.counterpartyId() + " key " + key.name()))
                : staff(key);
        if (authentication.isPresent()) {
            OffsetDateTime recent = now.minus(USE_RECORDED_EVERY);
            if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(recent)) {
                keys.recordUse(key.id(), now, recent);
            }
        }
        return authentication;
    }

    private Optional<Authentication> staff(ApiKeyRepository.StoredKey key) {
        StaffUser owner;
        try {
            owner = users.loadUserByUsername(key.ownerUsername());
        } catch (UsernameNotFoundException gone) {
            return Optional.empty();
        }
        if (!owner.isEnabled()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(owner.getRoles());
        roles.retainAll(key.scopes());
        StaffUser scoped = new StaffUser(owner.getUsername(), "", true, owner.getDisplayName(), owner.getAgency(), roles,
                owner.getServedAgencies(), owner.isDemo());
        return Optional.of(new Token(scoped, scoped.getAuthorities(), scoped.getUsername()));
    }

    /** Authenticated from the start: the key was the credential, and no secret is kept in it. */
    static final class Token extends AbstractAuthenticationToken {

        private final Object principal;
        private final String name;

        Token(Object principal, Collection<? extends GrantedAuthority> authorities, String name) {
            super(authorities);
            this.principal = principal;
            this.name = name;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return principal;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
