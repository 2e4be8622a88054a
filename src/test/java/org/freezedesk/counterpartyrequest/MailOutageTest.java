package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Mail goes out in retried engine jobs: an SMTP outage in the middle of a fan-out delays mail, loses none, doubles none. */
@FreezeDeskTest
class MailOutageTest {

    private static final List<String> COUNTERPARTIES = List.of("Tether", "Circle", "Binance", "OKX");

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired ApplicationContext context;
    @Autowired ProcessEngine engine;
    @Autowired ManagementService managementService;
    @Autowired CounterpartyRequestRepository counterpartyRequests;

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
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).as("the SMTP server is down").isNotNull();
        }
        assertThat(requests.dueJobs(reference)).as("failed mail waits for its retry").isEmpty();
        assertThat(managementService.createJobQuery().withException().list())
                .filteredOn(job -> notifications.stream().anyMatch(n -> n.getId().equals(job.getId())))
                .hasSize(COUNTERPARTIES.size() - 1)
                .allSatisfy(job -> assertThat(job.getRetries()).as("retries left").isPositive());

        greenMail.start();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(2))));
        requests.executeJobs(reference);
        received.addAll(List.of(greenMail.getReceivedMessages()));

        MimeMessage[] all = received.toArray(MimeMessage[]::new);
        for (String counterparty : COUNTERPARTIES) {
            assertThat(ApprovedRequests.mails(all, reference, counterparty)).as("notifications to " + counterparty).hasSize(1);
            CounterpartyRequest cr = requests.counterpartyRequest(reference, counterparty);
            assertThat(counterpartyRequests.find(cr.id()).notifiedAt()).isNotNull();
            assertThat(requests.process(cr)).isWaitingAt("awaitResponse");
        }
        assertThat(received).as("two contacts each, one copy per contact").hasSize(2 * COUNTERPARTIES.size());
    }
}
