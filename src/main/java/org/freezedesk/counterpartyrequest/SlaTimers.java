package org.freezedesk.counterpartyrequest;

import java.time.Duration;

import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Timer durations for {@code counterparty-request.bpmn}, from each counterparty's response SLA and configuration. */
@Component("slaTimers")
public class SlaTimers {

    private final CounterpartyRepository counterparties;
    private final double reminderAfterShare;

    SlaTimers(CounterpartyRepository counterparties, @Value("${freezedesk.sla.reminder-after-share}") double reminderAfterShare) {
        this.counterparties = counterparties;
        this.reminderAfterShare = reminderAfterShare;
    }

    /** ISO-8601 duration after which an unanswered counterparty is reminded. */
    public String reminderAfter(long counterpartyId) {
        int slaHours = counterparties.findById(counterpartyId).orElseThrow().responseSlaHours();
        return Duration.ofMinutes(Math.round(slaHours * 60 * reminderAfterShare)).toString();
    }
}
