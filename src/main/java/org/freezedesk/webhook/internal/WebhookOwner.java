package org.freezedesk.webhook.internal;

import java.util.Optional;

import org.freezedesk.audit.Actor;
import org.freezedesk.security.CounterpartyClient;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.Authentication;

/**
 * Whose subscriptions a caller reaches: an agency (any of its AGENCY users) or a counterparty (its own system, by
 * one of its keys). Exactly one of {@code agency} and {@code counterpartyId} is set.
 */
record WebhookOwner(String agency, Long counterpartyId, Actor actor) {

    static Optional<WebhookOwner> of(Authentication authentication) {
        if (authentication == null) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof StaffUser user && user.has(Role.AGENCY) && user.getAgency() != null) {
            return Optional.of(new WebhookOwner(user.getAgency(), null, new Actor(user.getUsername(), Role.AGENCY.name())));
        }
        if (authentication.getPrincipal() instanceof CounterpartyClient client && authentication.getAuthorities().stream()
                .anyMatch(a -> CounterpartyClient.AUTHORITY.equals(a.getAuthority()))) {
            return Optional.of(new WebhookOwner(null, client.counterpartyId(),
                    new Actor("counterparty " + client.counterpartyId() + " (key " + client.keyName() + ")", "COUNTERPARTY")));
        }
        return Optional.empty();
    }

    String describe() {
        return agency != null ? "agency " + agency : "counterparty " + counterpartyId;
    }
}
