package org.freezedesk.security;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.freezedesk.input.InputPolicy;
import org.freezedesk.security.internal.ApiKeyRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys, for staff users and for counterparties' own systems: created with a name, the roles they may use and
 * an expiry, shown once, revoked at will. Only the SHA-256 of a secret is stored. Every creation and revocation is
 * in the audit record, with the key's name and scopes but never its secret.
 */
@Service
public class ApiKeys {

    /** Every key starts with it, so that a leaked one is recognisable (and secret scanners can be told the pattern). */
    public static final String PREFIX = "fdk_";
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DAYS = 365;

    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository repository;
    private final AccountAuditTrail audit;
    private final int maxWorking;

    /** @param maxWorking keys one owner may hold working at once: enough for every system of theirs, not a store to fill */
    ApiKeys(ApiKeyRepository repository, AccountAuditTrail audit,
            @Value("${freezedesk.api-keys.max-working-per-owner:20}") int maxWorking) {
        this.repository = repository;
        this.audit = audit;
        this.maxWorking = maxWorking;
    }

    public int maxWorking() {
        return maxWorking;
    }

    /** A key acting as {@code owner} with at most the roles it holds now; {@code owner} may itself be a key's caller. */
    @Transactional
    public IssuedKey createForUser(StaffUser owner, ApiKeyForm form) {
        String name = name(form);
        LocalDate lastDay = lastDay(form);
        Set<Role> scopes = form.getScopes();
        if (scopes.isEmpty() || scopes.stream().anyMatch(Objects::isNull)) {
            throw new ApiKeyProblem("scopes", "Choose at least one of your roles for the key.");
        }
        for (Role role : scopes) {
            if (!owner.has(role)) {
                throw new ApiKeyProblem("scopes", "You do not hold the role " + role + ", so a key of yours cannot have it.");
            }
        }
        repository.lockUser(owner.getUsername());
        return issue(owner.getUsername(), null, name, EnumSet.copyOf(scopes), lastDay, owner.getUsername(),
                "You already have a key named \"" + name + "\" (revoked keys keep their names).");
    }

    /**
     * A key for the counterparty's own system; the caller has checked that the counterparty exists and holds its row
     * locked for this transaction, so that concurrent creations are counted one after the other.
     */
    @Transactional
    public IssuedKey createForCounterparty(long counterpartyId, ApiKeyForm form, String createdBy) {
        String name = name(form);
        LocalDate lastDay = lastDay(form);
        return issue(null, counterpartyId, name, EnumSet.noneOf(Role.class), lastDay, createdBy,
                "This counterparty already has a key named \"" + name + "\" (revoked keys keep their names).");
    }

    public List<ApiKey> ofUser(String username) {
        return repository.ofUser(username);
    }

    public List<ApiKey> ofCounterparty(long counterpartyId) {
        return repository.ofCounterparty(counterpartyId);
    }

    /** Empty if the user has no such key. Revoking a revoked key changes nothing. */
    @Transactional
    public Optional<ApiKey> revokeOfUser(String username, long id, String revokedBy) {
        return repository.ofUser(username, id).map(key -> revoke(key, "user " + username, revokedBy));
    }

    @Transactional
    public Optional<ApiKey> revokeOfCounterparty(long counterpartyId, long id, String revokedBy) {
        return repository.ofCounterparty(counterpartyId, id).map(key -> revoke(key, "counterparty " + counterpartyId, revokedBy));
    }

    /** A counterparty taken out of the directory loses every key it holds at once; each revocation is audited. */
    @Transactional
    public void revokeAllOfCounterparty(long counterpartyId, String revokedBy) {
        repository.ofCounterparty(counterpartyId).stream().filter(key -> key.revokedAt() == null)
                .forEach(key -> revoke(key, "counterparty " + counterpartyId, revokedBy));
    }

    private ApiKey revoke(ApiKey key, String owner, String revokedBy) {
        if (repository.revoke(key.id(), revokedBy, now())) {
            audit.record("API_KEY_REVOKED", "api_key", key.id(), describe(owner, key), null);
        }
        return repository.find(key.id());
    }

    private IssuedKey issue(String ownerUsername, Long counterpartyId, String name, Set<Role> scopes, LocalDate lastDay,
            String createdBy, String nameTaken) {
        if (repository.working(ownerUsername, counterpartyId, now()) >= maxWorking) {
            throw new ApiKeyProblem("name", (ownerUsername != null ? "You have " : "This counterparty has ") + maxWorking
                    + " working keys, the most one may hold: revoke one first.");
        }
        byte[] random = new byte[SECRET_BYTES];
        RANDOM.nextBytes(random);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        OffsetDateTime expiresAt = lastDay.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        long id = repository.insert(ownerUsername, counterpartyId, name, ApiKeyRepository.hashOf(secret),
                secret.substring(0, HINT_LENGTH), scopes, createdBy, now(), expiresAt)
                .orElseThrow(() -> new ApiKeyProblem("name", nameTaken));
        ApiKey key = repository.find(id);
        audit.record("API_KEY_CREATED", "api_key", id, null,
                describe(ownerUsername != null ? "user " + ownerUsername : "counterparty " + counterpartyId, key));
        return new IssuedKey(key, secret);
    }

    private static String describe(String owner, ApiKey key) {
        return "owner=" + owner + ", name=" + key.name() + ", hint=" + key.hint() + ", scopes=" + key.scopes()
                + ", expires=" + key.expiresAt();
    }

    private static String name(ApiKeyForm form) {
        String name = Objects.requireNonNullElse(form.getName(), "").strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)
                || InputPolicy.hasControlCharacters(name)) {
            throw new ApiKeyProblem("name", "Name the key in 1 to " + MAX_NAME_LENGTH + " characters, without control characters.");
        }
        return name;
    }

    /** The key works through this day (UTC), which must be from tomorrow to a year from today. */
    private static LocalDate lastDay(ApiKeyForm form) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String message = "Give the last day the key works as YYYY-MM-DD, from " + today.plusDays(1) + " to "
                + today.plusDays(MAX_DAYS) + ".";
        if (form.getExpiresOn() == null || form.getExpiresOn().isBlank()) {
            throw new ApiKeyProblem("expiresOn", message);
        }
        LocalDate day;
        try {
            day = LocalDate.parse(form.getExpiresOn().strip());
        } catch (DateTimeParseException e) {
            throw new ApiKeyProblem("expiresOn", message);
        }
        if (!day.isAfter(today) || day.isAfter(today.plusDays(MAX_DAYS))) {
            throw new ApiKeyProblem("expiresOn", message);
        }
        return day;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
