package org.freezedesk.webhook.internal;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions and their delivery logs for agencies' and counterparties' systems; one owner never sees another's. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Event subscriptions of an agency's or a counterparty's system")
class WebhookApiController {

    /** {@code secret} is present only in the answer to the subscription: it is shown once. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SubscriptionDocument(long id, String url, List<String> eventTypes, boolean active, String createdBy,
            OffsetDateTime createdAt, String secret) {

        static SubscriptionDocument of(WebhookSubscription s, boolean withSecret) {
            return new SubscriptionDocument(s.id(), s.url(), s.eventTypeNames(), s.active(), s.createdBy(), s.createdAt(),
                    withSecret ? s.secret() : null);
        }
    }

    /** {@code webhookId} is the event's id as the receiver saw it in the {@code webhook-id} header. */
    record DeliveryDocument(String webhookId, String eventType, String state, int attempts, Integer lastStatusCode, String lastError,
            OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, OffsetDateTime createdAt) {

        static DeliveryDocument of(WebhookDelivery d) {
            return new DeliveryDocument(d.webhookId(), d.eventType(), d.state().name(), d.attempts(), d.lastStatusCode(), d.lastError(),
                    d.state() == DeliveryState.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(), d.createdAt());
        }
    }

    /** One page, newest first; {@code nextCursor} (null on the last page) is passed as {@code cursor} for the next. */
    record Page<T>(List<T> items, String nextCursor) {
    }

    private final WebhookService webhooks;

    WebhookApiController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(summary = "Subscribe to events", description = "Deliveries are signed as Standard Webhooks describes, with the "
            + "secret answered here once. 201 with the subscription and its Location.")
    ResponseEntity<SubscriptionDocument> subscribe(@RequestBody SubscriptionRequest request, Authentication authentication) {
        WebhookSubscription subscription = webhooks.subscribe(owner(authentication), request);
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + subscription.id()))
                .body(SubscriptionDocument.of(subscription, true));
    }

    @GetMapping
    @Operation(summary = "One's subscriptions", description = "Newest first; nextCursor asks for the next page.")
    Page<SubscriptionDocument> list(@RequestParam(required = false) Long cursor, @RequestParam(defaultValue = "50") int limit,
            Authentication authentication) {
        List<WebhookSubscription> page = webhooks.list(owner(authentication), cursor, limit);
        return new Page<>(page.stream().map(s -> SubscriptionDocument.of(s, false)).toList(),
                page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Unsubscribe", description = "204; nothing more is delivered to it.")
    ResponseEntity<Void> unsubscribe(@PathVariable long id, Authentication authentication) {
        webhooks.unsubscribe(owner(authentication), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "A subscription's delivery log", description = "Newest first, with attempts and the receiver's last answer.")
    Page<DeliveryDocument> deliveries(@PathVariable long id, @RequestParam(required = false) Long cursor,
            @RequestParam(defaultValue = "50") int limit, Authentication authentication) {
        List<WebhookDelivery> page = webhooks.deliveries(owner(authentication), id, cursor, limit);
        return new Page<>(page.stream().map(DeliveryDocument::of).toList(),
                page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null);
    }

    private static WebhookOwner owner(Authentication authentication) {
        return WebhookOwner.of(authentication)
                .orElseThrow(() -> new AccessDeniedException("Only an agency's investigators or a counterparty's system subscribe"));
    }
}
