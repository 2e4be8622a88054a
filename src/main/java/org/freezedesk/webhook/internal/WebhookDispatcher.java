package org.freezedesk.webhook.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.freezedesk.cases.CasePartner;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.JointCases;
import org.freezedesk.webhook.WebhookEventType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns one event into one stored delivery per subscription that wants it: the subscriptions of the agency owning the
 * case and of its active partner agencies (who read the whole case), and, for events about one counterparty, that
 * counterparty's. Nothing is sent here; the sender takes the rows
 * once this transaction has committed.
 */
@Component
class WebhookDispatcher {

    private final CaseRepository cases;
    private final JointCases jointCases;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final ObjectMapper json;

    WebhookDispatcher(CaseRepository cases, JointCases jointCases, SubscriptionRepository subscriptions, DeliveryRepository deliveries,
            ObjectMapper json) {
        this.cases = cases;
        this.jointCases = jointCases;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
    }

    /**
     * @param eventKey names this very event (the same when it is handled again), so that it makes one delivery only
     * @param data what changed; only what both the agency and the counterparty concerned may read
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void dispatch(WebhookEventType type, String eventKey, String caseReference, Long counterpartyId, Map<String, Object> data) {
        Optional<FreezeCase> freezeCase = cases.findCase(caseReference);
        if (freezeCase.isEmpty()) {
            return;
        }
        OffsetDateTime now = now();
        String payload = payload(type, now, data);
        List<String> agencies = new ArrayList<>();
        agencies.add(freezeCase.get().agency());
        jointCases.partners(freezeCase.get()).stream().filter(CasePartner::active).map(CasePartner::agency).forEach(agencies::add);
        for (WebhookSubscription subscription : subscriptions.activeFor(agencies,
                type.toCounterparty() ? counterpartyId : null)) {
            if (subscription.wants(type) && !deliveries.exists(subscription.id(), eventKey)) {
                deliveries.insert(subscription.id(), "msg_" + UUID.randomUUID().toString().replace("-", ""), eventKey, type.type(),
                        payload, now);
            }
        }
    }

    private String payload(WebhookEventType type, OffsetDateTime now, Map<String, Object> data) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", type.type());
        payload.put("timestamp", now.toString());
        payload.put("data", data);
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A payload of plain values always serialises", e);
        }
    }

    /** The engine's clock, which tests move to make retries due without waiting. */
    static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }
}
