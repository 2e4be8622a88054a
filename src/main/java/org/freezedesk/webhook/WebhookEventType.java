package org.freezedesk.webhook;

import java.util.Arrays;
import java.util.Optional;

/** What a subscriber can ask to hear of, by the name it has in a payload's {@code type}. */
public enum WebhookEventType {
    REQUEST_APPROVED("request.approved", false),
    COUNTERPARTY_NOTIFIED("counterparty.notified", true),
    COUNTERPARTY_ACKNOWLEDGED("counterparty.acknowledged", true),
    COUNTERPARTY_ANSWERED("counterparty.answered", true),
    LEAD_REPORTED("lead.reported", true),
    REQUEST_COMPLETED("request.completed", false),
    HOLD_LAPSING("hold.lapsing", true),
    RECOVERY_CONFIRMED("recovery.confirmed", true);

    private final String type;
    private final boolean toCounterparty;

    WebhookEventType(String type, boolean toCounterparty) {
        this.type = type;
        this.toCounterparty = toCounterparty;
    }

    public String type() {
        return type;
    }

    /**
     * Whether the counterparty concerned hears of it too. The agency owning the case hears of every event; a request
     * approved or completed concerns every counterparty of the request, so none of them is told about the others.
     */
    public boolean toCounterparty() {
        return toCounterparty;
    }

    public static Optional<WebhookEventType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
