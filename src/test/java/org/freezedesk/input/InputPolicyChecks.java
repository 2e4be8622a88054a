package org.freezedesk.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.RecoveryStory;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.recovery.internal.RecoveryRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.Keys;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every class of hostile input against every form, JSON endpoint and parameter: nothing answers 500 or more, and
 * nothing refused leaves a row behind. Run on H2 ({@link InputPolicyTest}) and PostgreSQL ({@link InputPolicyIT}),
 * which alone refuses NUL and has the date range that overflowed.
 */
abstract class InputPolicyChecks {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /**
     * Other applications of the test JVM may share the database with their job executor on: a job they ran first
     * is done, so the story carries on with the jobs left.
     */
    private static void settled(RecoveryStory story, String reference, Runnable step) {
        try {
            step.run();
        } catch (OptimisticLockingException ranElsewhere) {
            story.runJobs(reference);
        }
    }

    @Test
    void noHostileInputGivesAServerErrorOrLeavesARowBehind() {
        RecoveryStory story = new RecoveryStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"),
                Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "500"));
        settled(story, reference, () -> story.approve(reference));
        story.acknowledge(reference, "Tether");
        settled(story, reference, () -> story.respond(reference, "Tether", Outcome.FROZEN, "1000", LocalDate.now().plusDays(60)));
        settled(story, reference, () -> story.instructAndApprove(reference, "Tether", "400", DESTINATION));
        RecoveryInstruction instruction = context.getBean(RecoveryRepository.class)
                .find(jdbc.sql("SELECT MAX(id) FROM recovery_instruction").query(Long.class).single());
        String inReview = story.file(Filings.target("TRON", "USDT", Filings.TRON_ADDRESS, "all"));
        String reviewTask = context.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
                .processInstanceBusinessKey(inReview).singleResult().getId();
        long holdId = jdbc.sql("SELECT MAX(id) FROM freeze_hold").query(Long.class).single();
        long circleRequest = story.counterpartyRequest(reference, "Circle").id();
        String token = ApprovedRequests.latestToken(greenMail.getReceivedMessages(), reference, "Tether");

        HostileInput hostile = new HostileInput(mvc, mappings, jdbc, json,
                Map.ofEntries(Map.entry("reference", reference), Map.entry("sequence", "1"), Map.entry("token", token),
                        Map.entry("line", "1"), Map.entry("taskId", reviewTask), Map.entry("id", String.valueOf(instruction.id())),
                        Map.entry("holds/id", String.valueOf(holdId)), Map.entry("counterparty-requests/id", String.valueOf(circleRequest)),
                        Map.entry("directory/id", String.valueOf(story.counterparty("Tether"))),
                        Map.entry("requests/id", String.valueOf(instruction.counterpartyRequestId())), Map.entry("reviews/id", reviewTask),
                        // no key of anyone's: revoking one is not what is tested here, and would end it for other tests
                        Map.entry("keys/id", "999999999"), Map.entry("keys/keyId", "999999999")),
                Map.of("agency", story.staff("agency"), "legal", story.staff("legal"), "auditor", story.staff("auditor"),
                        "admin", story.staff("admin")),
                token, Keys.ofCounterparty(context, story.counterparty("Tether")));
        hostile.run();

        long target = instruction.targetId();
        Map<String, String> filing = new LinkedHashMap<>();
        filing.put("title", "Hostile input");
        filing.put("incidentSummary", "Drained");
        filing.put("victim", "Exchange");
        filing.put("theftDate", "2025-01-01");
        filing.put("legalBasis", "PoCA s. 41");
        filing.put("courtOrderReference", "W-1");
        filing.put("mlatReference", "M-1");
        filing.put("urgency", "URGENT");
        filing.put("targets[0].chain", "ETH");
        filing.put("targets[0].asset", "USDT");
        filing.put("targets[0].address", Filings.KRAKEN_ETH_ADDRESS);
        filing.put("targets[0].amount", "10");
        filing.put("targets[0].note", "note");
        hostile.oneFieldAtATime(HttpMethod.POST, "/cases", filing);
        hostile.oneJsonValueAtATime("/api/v1/cases", """
                {"title": "Hostile input", "incidentSummary": "Drained", "victim": "Exchange", "theftDate": "2025-01-01",
                 "legalBasis": "PoCA s. 41", "courtOrderReference": "W-1", "mlatReference": "M-1", "urgency": "URGENT",
                 "targets": [{"chain": "ETH", "asset": "USDT", "address": "%s", "amount": "10", "txHashes": "", "note": "n"}]}
                """.formatted(Filings.KRAKEN_ETH_ADDRESS));

        hostile.oneJsonValueAtATime("/api/v1/webhooks", """
                {"url": "https://cases.ncu.example.org/hooks", "eventTypes": ["request.approved", "lead.reported"], "active": true}""");

        Map<String, String> response = new LinkedHashMap<>();
        response.put("submittedBy", "Jo Compliance");
        response.put("outcomes[0].targetId", String.valueOf(target));
        response.put("outcomes[0].outcome", "PARTIALLY_FROZEN");
        response.put("outcomes[0].frozenAmount", "900");
        response.put("outcomes[0].internalReference", "INT-1");
        response.put("outcomes[0].heldUntil", LocalDate.now().plusDays(90).toString());
        hostile.oneFieldAtATime(HttpMethod.POST, "/portal/" + token + "/responses", response);
        hostile.oneFieldAtATime(HttpMethod.POST, "/portal/" + token + "/draft", response);
        hostile.oneJsonValueAtATime("/api/v1/portal/responses", """
                {"submittedBy": "Jo Compliance", "outcomes": [{"targetId": %d, "outcome": "PARTIALLY_FROZEN", "frozenAmount": "900",
                 "internalReference": "INT-1", "heldUntil": "%s"}]}""".formatted(target, LocalDate.now().plusDays(90)));
        hostile.oneFieldAtATime(HttpMethod.POST, "/portal/" + token + "/recoveries/holds/" + holdId + "/extension",
                Map.of("name", "Jo Compliance", "heldUntil", LocalDate.now().plusDays(120).toString()));

        Map<String, String> instructionForm = new LinkedHashMap<>();
        instructionForm.put("holding", instruction.counterpartyRequestId() + ":" + instruction.targetId());
        instructionForm.put("instrument", "FORFEITURE_ORDER");
        instructionForm.put("instrumentReference", "FO-2");
        instructionForm.put("instrumentDate", "2026-01-02");
        instructionForm.put("method", "TRANSFER");
        instructionForm.put("destinationAddress", DESTINATION);
        instructionForm.put("amount", "1");
        hostile.oneFieldAtATime(HttpMethod.POST, "/cases/" + reference + "/recoveries", instructionForm);
        hostile.oneFieldAtATime(HttpMethod.POST, "/cases/" + reference + "/counterparty-requests/" + circleRequest + "/deadline",
                Map.of("newDeadline", LocalDate.now().plusDays(3) + "T12:00"));

        String hash = "ab".repeat(32);
        hostile.send(HttpMethod.GET, "/audit/integrity", "a 20-digit event id in the head", Map.of("head", "99999999999999999999:" + hash));
        hostile.send(HttpMethod.GET, "/api/v1/audit/verify", "a 20-digit event id in the head", Map.of("head", "99999999999999999999:" + hash));
        hostile.send(HttpMethod.POST, "/cases/" + inReview + "/requests/1/summary", "a summary that is not open", Map.of());
        hostile.send(HttpMethod.POST, "/cases/" + reference + "/holds/" + holdId + "/extension-request", "an extension that is not open", Map.of());
        hostile.send(HttpMethod.POST, "/cases/" + reference + "/holds/" + holdId + "/extension-request", "an extension asked twice", Map.of());

        assertThat(hostile.requests).as("requests sent").isGreaterThan(1000);
        assertThat(hostile.serverErrors).as("answers of 500 or more").isEmpty();
        assertThat(hostile.changedAfterRefusal).as("rows left behind by a refusal").isEmpty();
    }
}
