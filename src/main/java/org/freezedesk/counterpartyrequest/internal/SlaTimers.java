package org.freezedesk.counterpartyrequest.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestProcess;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.stereotype.Component;

/**
 * Timer durations for {@code counterparty-request.bpmn}: the counterparty's response SLA from the directory,
 * times the shares {@code counterparty-sla.dmn} decides for the request's urgency.
 */
@Component("slaTimers")
public class SlaTimers {

    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final DecisionService decisions;

    SlaTimers(CounterpartyRepository counterparties, CaseRepository cases, DecisionService decisions) {
        this.counterparties = counterparties;
        this.cases = cases;
        this.decisions = decisions;
    }

    /** ISO-8601 duration after which an unanswered counterparty is reminded. */
    public String reminderAfter(long freezeRequestId, long counterpartyId) {
        return share(freezeRequestId, counterpartyId, CounterpartyRequestProcess.SLA_REMINDER_SHARE).toString();
    }

    /** When a counterparty notified now becomes overdue. */
    public OffsetDateTime deadlineFromNow(long freezeRequestId, long counterpartyId) {
        return OffsetDateTime.now(ZoneOffset.UTC)
                .plus(share(freezeRequestId, counterpartyId, CounterpartyRequestProcess.SLA_ESCALATION_SHARE));
    }

    private Duration share(long freezeRequestId, long counterpartyId, String output) {
        int slaHours = counterparties.findById(counterpartyId).orElseThrow().responseSlaHours();
        DmnDecisionRuleResult shares = decisions.evaluateDecisionTableByKey(CounterpartyRequestProcess.SLA_DECISION,
                Map.of(CounterpartyRequestProcess.SLA_URGENCY, cases.request(freezeRequestId).urgency().name())).getSingleResult();
        double share = ((Number) shares.getEntry(output)).doubleValue();
        return Duration.ofMinutes(Math.round(slaHours * 60 * share));
    }
}
