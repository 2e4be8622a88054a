package org.freezedesk.webhook.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.freezedesk.webhook.WebhookEventType;

/** {@code secret} is what signs its deliveries; it is shown to the subscriber once, when it subscribes. */
public record WebhookSubscription(long id, String agency, Long counterpartyId, String url, List<WebhookEventType> eventTypes,
        String secret, boolean active, String createdBy, OffsetDateTime createdAt) {

    boolean wants(WebhookEventType type) {
        return active && eventTypes.contains(type);
    }

    boolean ownedBy(WebhookOwner owner) {
        return owner.agency() != null ? owner.agency().equals(agency) : owner.counterpartyId().equals(counterpartyId);
    }

    public List<String> eventTypeNames() {
        return eventTypes.stream().map(WebhookEventType::type).toList();
    }
}
