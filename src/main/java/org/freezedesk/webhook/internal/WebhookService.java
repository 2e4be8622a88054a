package org.freezedesk.webhook.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.freezedesk.audit.AuditLog;
import org.freezedesk.input.InputRefusedException;
import org.freezedesk.webhook.WebhookEventType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Subscribing, listing and unsubscribing, each for the caller's own agency or counterparty only; every change audited. */
@Service
class WebhookService {

    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_PAGE = 100;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final AuditLog audit;
    private final boolean allowHttpLocalhost;

    WebhookService(SubscriptionRepository subscriptions, DeliveryRepository deliveries, AuditLog audit,
            @Value("${freezedesk.webhooks.allow-http-localhost}") boolean allowHttpLocalhost) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.audit = audit;
        this.allowHttpLocalhost = allowHttpLocalhost;
    }

    /** Checks everything before storing anything: a refused request stores nothing. */
    @Transactional
    WebhookSubscription subscribe(WebhookOwner owner, SubscriptionRequest request) {
        String url = checkedUrl(request.url());
        List<WebhookEventType> types = checkedTypes(request.eventTypes());
        boolean active = request.active() == null || request.active();
        long id = subscriptions.insert(owner, url, types, WebhookSignature.newSecret(), active, owner.actor().name(),
                WebhookDispatcher.now());
        WebhookSubscription subscription = subscriptions.find(id).orElseThrow();
        audit.record(owner.actor(), "WEBHOOK_SUBSCRIBED", "webhook_subscription", id, null, null,
                owner.describe() + ": " + url + " for " + String.join(",", subscription.eventTypeNames()) + (active ? "" : " (inactive)"));
        return subscription;
    }

    @Transactional(readOnly = true)
    List<WebhookSubscription> list(WebhookOwner owner, Long before, int limit) {
        return subscriptions.of(owner, before, checkedLimit(limit));
    }

    @Transactional(readOnly = true)
    WebhookSubscription own(WebhookOwner owner, long id) {
        return subscriptions.find(id).filter(s -> s.ownedBy(owner)).orElseThrow(() -> new WebhookNotFoundException(id));
    }

    @Transactional(readOnly = true)
    List<WebhookDelivery> deliveries(WebhookOwner owner, long id, Long before, int limit) {
        return deliveries.of(own(owner, id).id(), before, checkedLimit(limit));
    }

    /** Its deliveries go with it, those still waiting too. */
    @Transactional
    void unsubscribe(WebhookOwner owner, long id) {
        WebhookSubscription subscription = own(owner, id);
        if (subscriptions.delete(id)) {
            audit.record(owner.actor(), "WEBHOOK_UNSUBSCRIBED", "webhook_subscription", id, null,
                    owner.describe() + ": " + subscription.url(), null);
        }
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InputRefusedException("url", "Give the https:// address that is to receive the events");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new InputRefusedException("url", "An address has at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InputRefusedException("url", "This is not a valid address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InputRefusedException("url", "Give an absolute https:// address with a host, without user name or fragment");
        }
        if (scheme.equals("http") && !(allowHttpLocalhost && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)))) {
            throw new InputRefusedException("url", allowHttpLocalhost
                    ? "Use https://; plain http:// is accepted only for a receiver on this machine (localhost)"
                    : "Use https://");
        }
        return uri.toString();
    }

    private static List<WebhookEventType> checkedTypes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new InputRefusedException("eventTypes", "Name at least one event type");
        }
        if (names.size() > WebhookEventType.values().length) {
            throw new InputRefusedException("eventTypes", "There are only " + WebhookEventType.values().length + " event types");
        }
        Set<WebhookEventType> types = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            types.add(WebhookEventType.of(names.get(i)).orElseThrow(() -> new InputRefusedException("eventTypes[" + index + "]",
                    "Unknown event type; the types are " + String.join(", ", typeNames()))));
        }
        return new ArrayList<>(types);
    }

    static List<String> typeNames() {
        return Arrays.stream(WebhookEventType.values()).map(WebhookEventType::type).toList();
    }

    private static int checkedLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new InputRefusedException("limit", "Give a limit from 1 to " + MAX_PAGE);
        }
        return limit;
    }
}
