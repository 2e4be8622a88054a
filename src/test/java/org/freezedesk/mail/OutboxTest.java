package org.freezedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
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
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox: nothing leaves before commit, a retry is the same message, and a message given up on waits for an operator. */
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
    @Autowired StaffUserRepository users;
    @Value("${freezedesk.outbox.max-attempts}") int maxAttempts;

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
        assertThat(outbox.findByMessageId(messageId).orElseThrow().text()).as("a sent message keeps no body").isNull();

        String rolledBack = "Rolled back " + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            mailOutbox.send(List.of("one@example.org"), rolledBack, "test-message", MODEL);
            status.setRollbackOnly();
        });
        sender.sendDue();
        assertThat(greenMail.getReceivedMessages()).noneMatch(m -> subjectOf(m).equals(rolledBack));
    }

    @Test
    void aMessageTheServerKeepsRefusingEndsFailedOnTheMailPageAndAnOperatorRetriesTheSameMessage() throws Exception {
        greenMail.stop();
        String subject = "Outage " + UUID.randomUUID();
        String messageId = transaction.execute(status ->
                mailOutbox.send(List.of("one@example.org", "two@example.org"), subject, "test-message", MODEL));
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

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
