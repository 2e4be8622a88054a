package org.freezedesk.webhook.internal;

import java.time.OffsetDateTime;

/** One event sent to one subscription; {@code webhookId} is the {@code webhook-id} header, the same on every attempt. */
public record WebhookDelivery(long id, long subscriptionId, String webhookId, String eventType, String payload, DeliveryState state,
        int attempts, OffsetDateTime nextAttemptAt, Integer lastStatusCode, String lastError, OffsetDateTime createdAt,
        OffsetDateTime deliveredAt) {
}
