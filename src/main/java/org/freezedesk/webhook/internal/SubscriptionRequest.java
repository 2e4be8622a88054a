package org.freezedesk.webhook.internal;

import java.util.List;

/** The body of {@code POST /api/v1/webhooks}; {@code active} defaults to true. */
record SubscriptionRequest(String url, List<String> eventTypes, Boolean active) {
}
