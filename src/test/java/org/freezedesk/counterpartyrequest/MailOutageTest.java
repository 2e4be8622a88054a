package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.freezedesk.mail.internal.OutboxMessage;
import org.freezedesk.mail.internal.OutboxRepository;
import org.freezedesk.mail.internal.OutboxSender;
import org.freezedesk.mail.internal.OutboxState;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Mail goes out through the outbox: an SMTP outage in the middle of a fan-out delays mail, loses none, doubles none. */
@FreezeDeskTest
class MailOutageTest {

    private static final List<String> COUNTERPARTIES = List.of("Tether", "Circle", "Binance", "OKX");

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService managementService;
    @Autowired CounterpartyRequestRepository counterpartyRequests;
    @Autowired AccessLinks accessLinks;
    @Autowired OutboxRepository outbox;
    @Autowired OutboxSender outboxSender;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anSmtpOutageDuringTheFanOutDelaysTheNotificationsButDeliversEachExactlyOnce() {
        AbstractAssertions.init(engine);
        ApprovedRequests requests = new ApprovedRequests(context);
        String reference = requests.fileAndApprove(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "10"),
                Filings.target("ETH", "USDC", Filings.ETH_ADDRESS, "20"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "1"),
                Filings.target("ETH", "ETH", Filings.OKX_ETH_ADDRESS, "30"));
        List<Job> notifications = requests.dueJobs(reference);
        assertThat(notifications).hasSize(COUNTERPARTIES.size());

        managementService.executeJob(notifications.get(0).getId());
        List<MimeMessage> received = new ArrayList<>(List.of(greenMail.getReceivedMessages()));
        greenMail.stop();
        for (Job job : notifications.subList(1, notifications.size())) {
            managementService.executeJob(job.getId());
        }
        assertThat(requests.dueJobs(reference)).as("the steps committed; their mail waits in the outbox").isEmpty();
        outboxSender.flushSent();
        List<OutboxMessage> waiting = outbox.undelivered(1000).stream().filter(m -> m.subject().contains(reference)).toList();
        assertThat(waiting).as("failed mail waits for its retry")
                .hasSize(COUNTERPARTIES.size() - 1)
                .allSatisfy(message -> {
                    assertThat(message.state()).isEqualTo(OutboxState.PENDING);
                    assertThat(message.attempts()).as("attempts made").isEqualTo(1);
                    assertThat(message.lastError()).as("what went wrong").isNotBlank();
                });

        greenMail.start();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
        outboxSender.sendDue();
        requests.executeJobs(reference);
        received.addAll(List.of(greenMail.getReceivedMessages()));
        for (OutboxMessage retried : waiting) {
            assertThat(received).as("the retry is the stored message").anySatisfy(m -> assertThat(m.getMessageID()).isEqualTo(retried.messageId()));
        }

        MimeMessage[] all = received.toArray(MimeMessage[]::new);
        for (String counterparty : COUNTERPARTIES) {
            assertThat(ApprovedRequests.mails(all, reference, counterparty)).as("notifications to " + counterparty).hasSize(1);
            CounterpartyRequest cr = requests.counterpartyRequest(reference, counterparty);
            assertThat(counterpartyRequests.find(cr.id()).notifiedAt()).isNotNull();
            assertThat(requests.process(cr)).isWaitingAt("awaitResponse");
        }
        assertThat(received).as("two contacts each, one copy per contact").hasSize(2 * COUNTERPARTIES.size());
        for (MimeMessage mail : received) {
            assertThat(accessLinks.resolve(TestMail.portalPath(mail).substring("/portal/".length()))).as("the mailed link opens").isPresent();
        }
    }
}
