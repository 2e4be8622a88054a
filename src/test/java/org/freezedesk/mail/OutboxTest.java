package org.freezedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.freezedesk.mail.internal.OutboxMessage;
import org.freezedesk.mail.internal.OutboxRepository;
import org.freezedesk.mail.internal.OutboxSender;
import org.freezedesk.mail.internal.OutboxState;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: nothing leaves before commit, the storing node sends under a lease no poller cuts short, a retry is
 * the same message, and a message given up on waits for an operator.
 */
@FreezeDeskTest
class OutboxTest {

    private static final Map<String, Object> MODEL = Map.of("text", "hello");

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MailOutbox mailOutbox;
    @Autowired OutboxRepository outbox;
    @Autowired OutboxSender sender;
    @Autowired TransactionTemplate transaction;
    @Autowired MockMvc mvc;
    @Autowired DataSource dataSource;
    @Autowired StaffUserRepository users;
    @Value("${freezedesk.outbox.max-attempts}") int maxAttempts;
    @Value("${freezedesk.outbox.lease}") Duration lease;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aMessageLeavesOnlyAfterItsTransactionCommitsAndNotAtAllWhenItRollsBack() {
        String subject = "Committed " + UUID.randomUUID();
        String messageId = transaction.execute(status -> {
            String id = mailOutbox.send(List.of("one@example.org"), subject, "test-message", MODEL);
            assertThat(greenMail.getReceivedMessages()).as("nothing before commit").noneMatch(m -> subjectOf(m).equals(subject));
            return id;
        });
        assertThat(greenMail.getReceivedMessages()).filteredOn(m -> subjectOf(m).equals(subject)).singleElement()
                .satisfies(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
        sender.flushSent();
        assertThat(outbox.findByMessageId(messageId).orElseThrow().text()).as("a sent message keeps no body").isNull();

        String rolledBack = "Rolled back " + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            mailOutbox.send(List.of("one@example.org"), rolledBack, "test-message", MODEL);
            status.setRollbackOnly();
        });
        sender.sendDue();
        assertThat(greenMail.getReceivedMessages()).noneMatch(m -> subjectOf(m).equals(rolledBack));
    }

    /**
     * After commit the storing transaction's connection is still the thread's, so a failed send recorded there in a
     * transaction of its own took a second one; with the SMTP server gone, every thread that had just committed mail
     * held one connection and waited for another, until the pool had none.
     */
    @Test
    void aSendThatFailsRightAfterCommitIsRecordedWithoutASecondConnection() throws Exception {
        greenMail.stop();
        String subject = "Outage with the pool taken " + UUID.randomUUID();
        List<Connection> taken = new ArrayList<>();
        String messageId;
        try {
            for (int i = 1; i < dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize(); i++) {
                taken.add(dataSource.getConnection());
            }
            messageId = transaction.execute(status -> mailOutbox.send(List.of("one@example.org"), subject, "test-message", MODEL));
        } finally {
            for (Connection connection : taken) {
                connection.close();
            }
        }
        sender.flushSent();

        OutboxMessage waiting = outbox.findByMessageId(messageId).orElseThrow();
        assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
        assertThat(waiting.attempts()).as("the failed attempt is recorded").isEqualTo(1);
    }

    @Test
    void aMessageTheServerKeepsRefusingEndsFailedOnTheMailPageAndAnOperatorRetriesTheSameMessage() throws Exception {
        greenMail.stop();
        String subject = "Outage " + UUID.randomUUID();
        String messageId = transaction.execute(status ->
                mailOutbox.send(List.of("one@example.org", "two@example.org"), subject, "test-message", MODEL));
        sender.flushSent();
        Instant clock = Instant.now();
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            clock = clock.plus(Duration.ofHours(1));
            ClockUtil.setCurrentTime(Date.from(clock));
            sender.sendDue();
        }
        OutboxMessage failed = outbox.findByMessageId(messageId).orElseThrow();
        assertThat(failed.state()).isEqualTo(OutboxState.FAILED);
        assertThat(failed.attempts()).isEqualTo(maxAttempts);

        ClockUtil.setCurrentTime(Date.from(clock.plus(Duration.ofDays(30))));
        sender.sendDue();
        assertThat(outbox.findByMessageId(messageId).orElseThrow().attempts()).as("no further attempt by itself").isEqualTo(maxAttempts);
        String page = mvc.perform(get("/admin/mail").with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(subject).contains("FAILED");

        greenMail.start();
        mvc.perform(post("/admin/mail/outbox/" + failed.id() + "/retry").with(csrf()).with(user(users.loadUserByUsername("agency"))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/mail/outbox/" + failed.id() + "/retry").with(csrf()).with(user(users.loadUserByUsername("admin"))))
                .andExpect(status().is3xxRedirection());

        assertThat(outbox.findByMessageId(messageId).orElseThrow().state()).isEqualTo(OutboxState.SENT);
        assertThat(greenMail.getReceivedMessages()).filteredOn(m -> subjectOf(m).equals(subject))
                .as("one copy per recipient, under the stored Message-ID").hasSize(2)
                .allSatisfy(m -> assertThat(m.getMessageID()).isEqualTo(messageId));
    }

    @Test
    void messagesSentAfterCommitWaitUnderTheirLeaseAndAreMarkedSentTogetherByTheNextFlush() {
        Instant storedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ClockUtil.setCurrentTime(Date.from(storedAt));
        String subject = "Flushed " + UUID.randomUUID();
        List<String> messageIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            messageIds.add(transaction.execute(status -> mailOutbox.send(List.of("one@example.org"), subject, "test-message", MODEL)));
        }
        assertThat(greenMail.getReceivedMessages()).filteredOn(m -> subjectOf(m).equals(subject))
                .extracting(OutboxTest::messageIdOf).containsExactlyInAnyOrderElementsOf(messageIds);
        assertThat(messageIds).map(id -> outbox.findByMessageId(id).orElseThrow()).as("sent, but no write after each send")
                .allSatisfy(message -> {
                    assertThat(message.state()).isEqualTo(OutboxState.PENDING);
                    assertThat(message.attempts()).isZero();
                    assertThat(message.nextAttemptAt().toInstant()).as("not due before the lease ends").isEqualTo(storedAt.plus(lease));
                });

        Instant flushedAt = storedAt.plusSeconds(1);
        ClockUtil.setCurrentTime(Date.from(flushedAt));
        sender.flushSent();
        assertThat(messageIds).map(id -> outbox.findByMessageId(id).orElseThrow()).allSatisfy(message -> {
            assertThat(message.state()).isEqualTo(OutboxState.SENT);
            assertThat(message.attempts()).isEqualTo(1);
            assertThat(message.text()).isNull();
            assertThat(message.sentAt().toInstant()).as("marked by the flush").isEqualTo(flushedAt);
        });
        sender.sendDue();
        assertThat(greenMail.getReceivedMessages()).filteredOn(m -> subjectOf(m).equals(subject)).as("sent once").hasSize(3);
    }

    @Test
    void aMessageWhoseNodeDiedAfterCommitIsSentByAPollerOnlyOnceItsLeaseHasEnded() {
        String subject = "Orphaned " + UUID.randomUUID();
        Instant storedAt = Instant.now();
        ClockUtil.setCurrentTime(Date.from(storedAt));
        AtomicReference<String> messageId = new AtomicReference<>();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            // Runs before the outbox's own after-commit send: the node "dies" with the message committed, not sent.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    throw new NodeDied();
                }
            });
            messageId.set(mailOutbox.send(List.of("one@example.org"), subject, "test-message", MODEL));
        })).isInstanceOf(NodeDied.class);
        assertThat(outbox.findByMessageId(messageId.get()).orElseThrow().state()).as("committed").isEqualTo(OutboxState.PENDING);

        ClockUtil.setCurrentTime(Date.from(storedAt.plus(lease).minusSeconds(1)));
        sender.sendDue();
        assertThat(greenMail.getReceivedMessages()).as("another node's poller, within the lease").noneMatch(m -> subjectOf(m).equals(subject));
        long id = outbox.findByMessageId(messageId.get()).orElseThrow().id();
        assertThat(outbox.retry(id, OutboxSender.now())).as("an operator's retry does not cut the lease short").isFalse();

        ClockUtil.setCurrentTime(Date.from(storedAt.plus(lease).plusSeconds(1)));
        sender.sendDue();
        assertThat(greenMail.getReceivedMessages()).as("a poller, once the lease has ended").filteredOn(m -> subjectOf(m).equals(subject))
                .singleElement().satisfies(m -> assertThat(m.getMessageID()).isEqualTo(messageId.get()));
        assertThat(outbox.findByMessageId(messageId.get()).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    }

    @Test
    void aMessageStoredOutsideATransactionIsSentAndMarkedAtOnce() {
        String subject = "Untransacted " + UUID.randomUUID();
        String messageId = mailOutbox.send(List.of("one@example.org"), subject, "test-message", MODEL);
        assertThat(greenMail.getReceivedMessages()).filteredOn(m -> subjectOf(m).equals(subject)).hasSize(1);
        assertThat(outbox.findByMessageId(messageId).orElseThrow().state()).isEqualTo(OutboxState.SENT);
    }

    private static final class NodeDied extends RuntimeException {
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
