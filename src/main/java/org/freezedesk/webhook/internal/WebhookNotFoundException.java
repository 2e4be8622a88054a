package org.freezedesk.webhook.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Also what another agency or counterparty gets for a subscription: its existence is not revealed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class WebhookNotFoundException extends RuntimeException {

    WebhookNotFoundException(long id) {
        super("No webhook subscription " + id);
    }
}
