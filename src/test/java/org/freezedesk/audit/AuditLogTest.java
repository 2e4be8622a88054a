package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.audit.internal.AuditCommandLine;
import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.audit.internal.ExportVerifier;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The log on the embedded database: chained appends, rollbacks, secrets, verification and its command line. */
@FreezeDeskTest
class AuditLogTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired AuditLog auditLog;
    @Autowired AuditIntegrity integrity;
    @Autowired AuditKey key;
    @Autowired AuditHeadKeys headKeys;
    @Autowired ExportVerifier exportVerifier;
    @Autowired TransactionTemplate transaction;
    @Autowired ConfigurableApplicationContext context;
    @Autowired MeterRegistry meters;

    @Test
    void eventsOfOneTransactionAreChainedInOrderAndMoveTheHead() {
        String reference = "FRZ-TEST-CHAIN";
        transaction.executeWithoutResult(status -> {
            auditLog.record(Actor.ENGINE, "FIRST", "thing", 1, reference, null, "a");
            auditLog.record(Actor.ENGINE, "SECOND", "thing", 1, "FRZ-TEST-OTHER", null, "b");
            auditLog.record(Actor.ENGINE, "THIRD", "thing", 1, reference, "a", "c");
        });
        List<AuditEvent> events = auditLog.forCase(reference);
        assertThat(events).extracting(AuditEvent::action).containsExactly("FIRST", "THIRD");
        AuditEvent first = events.get(0);
        AuditEvent third = events.get(1);
        AuditEvent second = auditLog.forCase("FRZ-TEST-OTHER").get(0);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(third.prevHash()).isEqualTo(second.hash());
        assertThat(first.casePrevHash()).isEqualTo(AuditConstants.GENESIS_HASH);
        assertThat(third.casePrevHash()).as("a case's events link to each other").isEqualTo(first.hash());
        assertThat(events).allMatch(e -> e.sealed(key));
        assertThat(integrity.head().eventId()).isGreaterThanOrEqualTo(third.id());
    }

    /** Every append waits for the one chain head; an operator sees how long, and how long each holds it. */
    @Test
    void theWaitForTheChainHeadAndItsHoldingAreMeasuredPerTransaction() {
        Timer waited = meters.get("freezedesk.audit.chain.wait").timer();
        Timer held = meters.get("freezedesk.audit.chain.held").timer();
        long waitedBefore = waited.count();
        long heldBefore = held.count();

        transaction.executeWithoutResult(status -> {
            auditLog.record(Actor.ENGINE, "FIRST", "thing", 1, "FRZ-TEST-TIMED", null, "a");
            auditLog.record(Actor.ENGINE, "SECOND", "thing", 1, "FRZ-TEST-TIMED", "a", "b");
        });
        transaction.executeWithoutResult(status -> {
        });

        assertThat(waited.count() - waitedBefore).as("one wait for a transaction of two events, none for one without").isEqualTo(1);
        assertThat(held.count() - heldBefore).isEqualTo(1);
        assertThat(held.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void aRolledBackChangeLeavesNoEventAndTheHeadWhereItWas() {
        ChainHead before = integrity.head();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            auditLog.record(Actor.ENGINE, "NEVER", "thing", 1, "FRZ-TEST-ROLLBACK", null, null);
            throw new IllegalStateException("the change fails");
        })).hasMessage("the change fails");
        assertThat(auditLog.forCase("FRZ-TEST-ROLLBACK")).isEmpty();
        assertThat(integrity.head()).isEqualTo(before);
        assertThat(integrity.verify(null).intact()).isTrue();
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> auditLog.record(Actor.ENGINE, "LOOSE", "thing", 1, "FRZ-TEST-LOOSE", null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aPortalLinkNeverReachesTheLogEvenIfACallerPassesOne() {
        String link = "https://freezedesk.example.org/portal/" + "A".repeat(43);
        transaction.executeWithoutResult(status ->
                auditLog.record(Actor.ENGINE, "MAILED", "thing", 1, "FRZ-TEST-SECRET", null, "sent " + link));
        assertThat(auditLog.forCase("FRZ-TEST-SECRET").get(0).afterValue())
                .isEqualTo("sent https://freezedesk.example.org/portal/[redacted]");
    }

    @Test
    void aWholeCaseIsChainedAndNoEventCarriesTheLinksThatWereMailed() throws Exception {
        CaseStory story = new CaseStory(context);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.FROZEN, "1000");

        List<AuditEvent> events = auditLog.forCase(reference);
        assertThat(events).extracting(AuditEvent::action).contains("CASE_FILED", "REQUEST_FILED", "LEGAL_APPROVE",
                "COUNTERPARTY_REQUEST_CREATED", "ACKNOWLEDGED", "RESPONDED", "COUNTERPARTY_REQUEST_CLOSED");
        assertThat(events).extracting(AuditEvent::actorRole).contains("AGENCY", "LEGAL", "SYSTEM", "COUNTERPARTY");
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertThat(mails).isNotEmpty();
        for (MimeMessage mail : mails) {
            String token = TestMail.portalPath(mail).substring("/portal/".length());
            assertThat(events).noneMatch(e -> e.canonical().contains(token));
        }
        assertThat(integrity.verify(null).intact()).isTrue();
    }

    @Test
    void theCommandLinePrintsTheResultAndTheHeadAndAnswersWithItsExitStatus() {
        MockEnvironment environment = new MockEnvironment().withProperty(AuditCommandLine.VERIFY, "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new AuditCommandLine(integrity, headKeys, exportVerifier, environment, context).execute(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(AuditCommandLine.INTACT);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit chain intact").contains("chain head: ");

        ChainHead head = integrity.head();
        String forged = head.eventId() + ":" + "f".repeat(64);
        environment.setProperty(AuditCommandLine.EXPECTED_HEAD, forged);
        out.reset();
        status = new AuditCommandLine(integrity, headKeys, exportVerifier, environment, context).execute(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(AuditCommandLine.BROKEN);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at event " + head.eventId());

        environment.setProperty(AuditCommandLine.EXPECTED_HEAD, "yesterday's");
        assertThat(new AuditCommandLine(integrity, headKeys, exportVerifier, environment, context).execute(new PrintStream(out)))
                .isEqualTo(AuditCommandLine.UNABLE);
    }
}
