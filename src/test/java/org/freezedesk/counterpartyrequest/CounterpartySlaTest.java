package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * bpmn/counterparty-sla.dmn as the engine evaluates it: the shares of the SLA after which a counterparty is reminded and
 * its request is overdue, per urgency. Guards the engine's DMN settings (application.yml) as much as the table.
 */
@FreezeDeskTest
class CounterpartySlaTest {

    @Autowired DecisionService decisions;
    @Autowired ProcessEngine engine;

    /** The Scala FEEL engine re-parses every entry on every evaluation; see application.yml. */
    @Test
    void theTableIsEvaluatedByTheFeelEngineThatCachesParsedEntries() {
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isDmnFeelEnableLegacyBehavior()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"ROUTINE, 0.75, 1.0", "URGENT, 0.5, 1.0", "CRITICAL, 0.25, 0.5", "EMERGENCY, 0.125, 0.25"})
    void theMoreUrgentTheSoonerARequestIsChased(String urgency, double reminderShare, double escalationShare) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey("counterparty-sla")
                .variables(Map.of("urgency", urgency)).evaluate().getSingleResult();

        assertThat(result.<Object>getEntry("reminderShare")).isEqualTo(reminderShare);
        assertThat(result.<Object>getEntry("escalationShare")).isEqualTo(escalationShare);
    }
}
