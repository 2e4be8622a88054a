package org.freezedesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.ApprovedRequests;
import org.freezedesk.directory.internal.AttributionImportService;
import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.NodeProcess;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes on one PostgreSQL database; the one running the fan-out is killed (kill -9, a JVM of its own) with
 * notification jobs taken but not done. The other finishes them: every counterparty is mailed within 60 seconds
 * of the crash, every mailed link opens, and a counterparty mailed twice got the very same message twice.
 */
@SpringBootTest(properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
@DirtiesContext
class NodeCrashIT {

    private static final int COUNTERPARTIES = 30;
    private static final Duration TAKE_OVER = Duration.ofSeconds(60);
    /** A database of its own: application contexts of other tests, still running, would take the jobs too. */
    private static final Map<String, String> DATABASE = PostgresTestDatabase.newDatabase();

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired CounterpartyRepository counterparties;
    @Autowired AttributionImportService attributions;
    @Autowired AccessLinks accessLinks;
    @Autowired JdbcClient jdbc;

    @Test
    void aNodeKilledMidFanOutLeavesNoCounterpartyUnnotifiedForLongerThanAMinute() throws Exception {
        JobExecutor survivorsJobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        // This node takes no job until the other has died with the fan-out in its hands.
        survivorsJobs.shutdown();
        Map<String, String> addresses = counterparties();
        List<String> names = new ArrayList<>(addresses.keySet());
        Map<String, String> settings = new HashMap<>(DATABASE);
        // One worker taking every job at once: most of the fan-out sits locked in the victim's queue when it dies.
        settings.putAll(Map.of("camunda.bpm.job-execution.core-pool-size", "1", "camunda.bpm.job-execution.max-pool-size", "1",
                "camunda.bpm.job-execution.queue-capacity", String.valueOf(2 * COUNTERPARTIES),
                "camunda.bpm.job-execution.max-jobs-per-acquisition", String.valueOf(2 * COUNTERPARTIES),
                "freezedesk.demo.enabled", "false"));

        String reference;
        long killedAt;
        int notifiedBeforeKill;
        try (NodeProcess victim = NodeProcess.start("crash-victim", settings)) {
            // Ether itself, not a token: only the exchange holding the address is asked.
            reference = new ApprovedRequests(context).fileAndApprove(addresses.values().stream()
                    .map(address -> Filings.target("ETH", "ETH", address, "100")).toArray(TargetRow[]::new));
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() -> notified(reference).size() >= 3);
            victim.kill();
            killedAt = System.nanoTime();
            notifiedBeforeKill = notified(reference).size();
        }
        int lockedByTheDead = jdbc.sql("SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL").query(Integer.class).single();
        assertThat(notifiedBeforeKill).as("counterparties left unnotified by the crash").isLessThan(COUNTERPARTIES);
        assertThat(lockedByTheDead).as("jobs the dead node had taken").isPositive();

        survivorsJobs.start();
        await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(100)).until(() -> notified(reference).size() == COUNTERPARTIES);
        long allNotifiedAt = System.nanoTime();

        Map<String, List<MimeMessage>> mails = mailsByCounterparty(reference);
        assertThat(mails.keySet()).containsExactlyInAnyOrderElementsOf(names);
        mails.forEach((name, received) -> {
            assertThat(received.stream().map(NodeCrashIT::messageId).collect(Collectors.toSet()))
                    .as("distinct messages to " + name).hasSize(1);
            for (MimeMessage mail : received) {
                assertThat(accessLinks.resolve(TestMail.portalPath(mail).substring("/portal/".length())))
                        .as("the link mailed to " + name).isPresent();
            }
        });
        System.out.printf("Node crash: %d of %d counterparties mailed before the kill, %d jobs left locked by the dead node; "
                        + "all mailed %d ms after the kill%n", notifiedBeforeKill, COUNTERPARTIES, lockedByTheDead,
                (allNotifiedAt - killedAt) / 1_000_000);
    }

    /** New exchanges, each holding one address: name to address. */
    private Map<String, String> counterparties() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> names = new LinkedHashMap<>();
        StringBuilder attributionFile = new StringBuilder("chain,address,exchange,source,date\n");
        for (int i = 0; i < COUNTERPARTIES; i++) {
            String name = "Exchange " + run + "-" + i;
            long id = counterparties.create(name, CounterpartyKind.EXCHANGE, "Testland", 48);
            counterparties.addContact(id, "Compliance desk", "desk-" + i + "@" + run + ".example.org", true);
            String address = randomEthAddress();
            names.put(name, address);
            attributionFile.append("ETH,").append(address).append(',').append(name).append(",test,2026-01-01\n");
        }
        assertThat(attributions.importCsv("attributions.csv", attributionFile.toString().getBytes(StandardCharsets.UTF_8), "test")
                .problems()).isEmpty();
        return names;
    }

    private Set<String> notified(String reference) {
        return mailsByCounterparty(reference).keySet();
    }

    private static Map<String, List<MimeMessage>> mailsByCounterparty(String reference) {
        Map<String, List<MimeMessage>> byCounterparty = new HashMap<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            String subject = subject(message);
            if (subject.contains(reference)) {
                byCounterparty.computeIfAbsent(subject.substring(subject.indexOf("— ") + 2), name -> new ArrayList<>()).add(message);
            }
        }
        return byCounterparty;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomEthAddress() {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
