package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.directory.Contact;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The emergency lane's promise on PostgreSQL, with the job executor and the outbox running as in production: once an
 * on-call legal officer approves an EMERGENCY request, every counterparty's contacts have it in their SMTP inbox
 * within 2 seconds.
 */
@SpringBootTest(properties = "freezedesk.mail.embedded-smtp.enabled=false")
@ContextConfiguration(initializers = TestMail.Initializer.class)
// Stops this context's job executor once done, rather than leaving it polling while the JVM's exit drops the test database.
@DirtiesContext
class EmergencyLaneIT {

    private static final Duration PROMISE = Duration.ofSeconds(2);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired FreezeCaseService freezeCaseService;
    @Autowired FilingValidator filingValidator;
    @Autowired ReviewService reviewService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired CaseRepository cases;
    @Autowired CounterpartyRepository counterparties;
    @Autowired StaffUserRepository users;
    @Autowired JdbcClient jdbc;

    @Test
    void anEmergencyRequestReachesEveryCounterpartysInboxWithinTwoSecondsOfTheOnCallApproval() {
        // A node in service has rendered mail and spoken to its SMTP relay before: one request goes through first.
        String warmUp = onCallApproved(Filings.target("TRON", "USDT", Filings.TRON_ADDRESS, "1"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !recipientsOf(warmUp).isEmpty());

        String reference = file(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1200000"),
                Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "800000"),
                Filings.target("ETH", "ETH", Filings.KRAKEN_ETH_ADDRESS, "all"),
                Filings.target("ETH", "ETH", Filings.OKX_ETH_ADDRESS, "all"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "all"));
        long requestId = cases.requestsOf(cases.findCase(reference).orElseThrow().id()).get(0).id();
        Set<String> contacts = cases.routedCounterpartyIds(requestId).stream()
                .flatMap(id -> counterparties.contacts(id).stream()).map(Contact::email).collect(Collectors.toSet());
        assertThat(cases.routedCounterpartyIds(requestId)).as("Tether, Circle, Kraken, OKX, Binance").hasSize(5);

        Instant approvedAtInstant = Instant.now();
        long approvedAt = System.nanoTime();
        approveOnCall(reference);
        long decidedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> recipientsOf(reference).containsAll(contacts));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - approvedAt);

        // Where the time went: the engine's jobs storing the mails in the outbox, then the SMTP hand-over.
        OffsetDateTime stored = jdbc.sql("SELECT MAX(created_at) FROM outbox_message WHERE subject LIKE ?").param("Freeze request " + reference + "%")
                .query(OffsetDateTime.class).single();
        System.out.printf("EmergencyLaneIT: %d counterparties (%d contacts) had request %s in their inbox %d ms after the on-call approval"
                        + " (the approval committed after %d ms, the last notification was stored in the outbox after %d ms)%n",
                5, contacts.size(), reference, elapsed.toMillis(), Duration.ofNanos(decidedAt - approvedAt).toMillis(),
                Duration.between(approvedAtInstant, stored.toInstant()).toMillis());
        assertThat(elapsed).as("from the on-call approval to the last counterparty's inbox").isLessThanOrEqualTo(PROMISE);
    }

    private String onCallApproved(TargetRow... targets) {
        String reference = file(targets);
        approveOnCall(reference);
        return reference;
    }

    private String file(TargetRow... targets) {
        FilingForm form = Filings.form(targets);
        form.setUrgency(Urgency.EMERGENCY);
        form.setEmergencyJustification("The funds are being bridged out right now.");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> valid = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        return freezeCaseService.file(form, valid, users.loadUserByUsername("agency"));
    }

    private void approveOnCall(String reference) {
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(FreezeRequestProcess.KEY).singleResult();
        Task onCallApproval = taskService.createTaskQuery().processInstanceId(process.getId())
                .taskDefinitionKey(FreezeRequestProcess.ON_CALL_APPROVAL).singleResult();
        DecisionForm approve = new DecisionForm();
        approve.setDecision(ReviewDecision.APPROVE);
        reviewService.decide(onCallApproval.getId(), approve, users.loadUserByUsername("legal"));
    }

    /** Everyone who received a mail about the case's request. */
    private static Set<String> recipientsOf(String reference) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).startsWith("Freeze request " + reference))
                .flatMap(m -> recipients(m).stream()).collect(Collectors.toSet());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
