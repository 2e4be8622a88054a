package org.freezedesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.internal.FrozenHolding;
import org.freezedesk.recovery.internal.Instrument;
import org.freezedesk.recovery.internal.NewInstruction;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.recovery.internal.RecoveryMethod;
import org.freezedesk.recovery.internal.RecoveryProcess;
import org.freezedesk.recovery.internal.RecoveryRepository;
import org.freezedesk.recovery.internal.RecoveryService;
import org.freezedesk.recovery.internal.RecoveryState;
import org.freezedesk.review.FourEyesViolationException;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A freeze at Tether turned into recoveries: the agency files an instruction, a second person approves it,
 * Tether gets a mail with its link and confirms the transfer or declines; the case page shows what came back.
 */
@FreezeDeskTest
class RecoveryProcessTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static final String TX_HASH = "0x" + "ab".repeat(32);

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired RecoveryRepository recoveries;
    @Autowired RecoveryService recoveryService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired AuditLog audit;

    private RecoveryStory story;
    private String reference;
    private StaffUser agency;

    @BeforeEach
    void frozenAtTether() {
        story = new RecoveryStory(context);
        agency = story.staff("agency");
        reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.acknowledge(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", null);
    }

    @Test
    void confirmedTransferShowsAsRecoveredOnTheCasePage() throws Exception {
        MockHttpServletResponse filed = mvc.perform(post("/cases/{r}/recoveries", reference).with(user(agency)).with(csrf())
                .param("holding", holdingKey()).param("instrument", "SEIZURE_WARRANT").param("instrumentReference", "SW-77")
                .param("instrumentDate", "2026-02-01").param("method", "TRANSFER").param("destinationAddress", DESTINATION)
                .param("amount", "600.5")).andReturn().getResponse();
        assertThat(filed.getRedirectedUrl()).isEqualTo("/cases/" + reference);
        RecoveryInstruction instruction = onlyInstruction();
        assertThat(instruction.state()).isEqualTo(RecoveryState.IN_REVIEW);
        assertThat(instruction.amount()).isEqualByComparingTo("600.5");

        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION).singleResult().getId();
        mvc.perform(post("/review/recoveries/{id}", taskId).with(user(story.staff("legal"))).with(csrf()).param("decision", "APPROVE"));
        story.runJobs(reference);
        assertThat(mvc.perform(post("/review/recoveries/{id}", taskId).with(user(story.staff("chief"))).with(csrf()).param("decision", "REJECT")
                .param("comment", "Too late")).andReturn().getResponse().getStatus())
                .as("a second reviewer is told it was decided already, not that it never existed").isEqualTo(409);
        assertThat(mvc.perform(get("/review/recoveries/{id}", taskId).with(user(story.staff("legal")))).andReturn().getResponse().getStatus())
                .isEqualTo(409);

        MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).startsWith("Recovery instruction " + reference)).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(mail)).as("every mail to a counterparty can be verified").contains("Verification code");
        String link = TestMail.portalPath(mail) + "/recoveries/" + instruction.id();
        MockHttpServletResponse shown = mvc.perform(get(link)).andReturn().getResponse();
        assertThat(shown.getHeader("Referrer-Policy")).as("the link is a secret").isEqualTo("no-referrer");
        assertThat(shown.getHeader("Cache-Control")).isEqualTo("no-store");
        Document page = Jsoup.parse(shown.getContentAsString());
        assertThat(page.select(".instruction").text()).contains("600.5 USDT", "Seizure warrant SW-77");

        MockHttpServletResponse wrongHash = mvc.perform(post(link + "/transfer").with(csrf()).param("name", "Jo Compliance")
                .param("txHash", "0x1234").param("amount", "600.5").param("transferredOn", "2026-03-01")).andReturn().getResponse();
        Document refused = Jsoup.parse(wrongHash.getContentAsString());
        assertThat(refused.select("#txHash + .invalid-feedback").text()).isNotBlank();
        assertThat(refused.select("#amount").val()).isEqualTo("600.5");
        assertThat(recoveries.find(instruction.id()).state()).isEqualTo(RecoveryState.NOTIFIED);

        mvc.perform(post(link + "/transfer").with(csrf()).param("name", "Jo Compliance").param("txHash", TX_HASH)
                .param("amount", "600.5").param("transferredOn", "2026-03-01"));

        assertThat(recoveries.find(instruction.id()).state()).isEqualTo(RecoveryState.CONFIRMED);
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("fundsRecovered")
                .processInstanceId(processOf(instruction)).count()).isEqualTo(1);
        Document casePage = Jsoup.parse(mvc.perform(get("/cases/{r}", reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString());
        assertThat(casePage.select("#recovered tbody tr").text()).isEqualTo("USDT 600.5");
        assertThat(audit.forCase(reference)).extracting(e -> e.action())
                .contains("RECOVERY_FILED", "RECOVERY_APPROVED", "RECOVERY_NOTIFIED", "RECOVERY_CONFIRMED");
    }

    @Test
    void moreThanWasFrozenIsRefusedAndNothingStored() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/cases/{r}/recoveries", reference).with(user(agency)).with(csrf())
                .param("holding", holdingKey()).param("instrument", "FORFEITURE_ORDER").param("instrumentReference", "FO-1")
                .param("instrumentDate", "2026-02-01").param("method", "TRANSFER").param("destinationAddress", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")
                .param("amount", "1000.01")).andReturn().getResponse().getContentAsString());

        assertThat(page.select("#amount + .invalid-feedback").text()).contains("Only 1000 USDT");
        assertThat(page.select("#destinationAddress + .invalid-feedback").text()).isNotBlank();
        assertThat(page.select("#amount").val()).isEqualTo("1000.01");
        assertThat(recoveries.forCase(story.freezeCase(reference).id())).isEmpty();
    }

    @Test
    void theFilerCannotApproveTheirOwnInstruction() {
        RecoveryInstruction instruction = fileAsChief();
        String taskId = taskService.createTaskQuery().processVariableValueEquals(RecoveryProcess.RECOVERY_INSTRUCTION_ID, instruction.id())
                .singleResult().getId();
        StaffUser chief = story.staff("chief");

        assertThatThrownBy(() -> RecoveryStory.as(chief, () -> {
            recoveryService.decide(taskId, ReviewDecision.APPROVE, null, chief);
            return null;
        })).isInstanceOf(FourEyesViolationException.class);
        assertThat(recoveries.find(instruction.id()).state()).isEqualTo(RecoveryState.IN_REVIEW);
    }

    @Test
    void aDeclineIsRecordedWithItsReasonAndFreesTheAmount() {
        RecoveryInstruction instruction = story.instructAndApprove(reference, "Tether", "1000", DESTINATION);
        recoveryService.decline(instruction, "Jo Compliance", "Needs a court order from the BVI",
                Actor.counterparty("Tether", instruction.counterpartyRequestId()));
        story.runJobs(reference);

        RecoveryInstruction declined = recoveries.find(instruction.id());
        assertThat(declined.state()).isEqualTo(RecoveryState.DECLINED);
        assertThat(declined.declineReason()).isEqualTo("Needs a court order from the BVI");
        assertThat(recoveries.frozenHoldings(story.freezeCase(reference).id()).get(0).available()).isEqualByComparingTo(new BigDecimal("1000"));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(processOf(instruction))
                .activityId("recoveryDeclined").count()).isEqualTo(1);
    }

    private RecoveryInstruction fileAsChief() {
        StaffUser chief = story.staff("chief");
        FrozenHolding holding = recoveries.frozenHoldings(story.freezeCase(reference).id()).get(0);
        long id = RecoveryStory.as(chief, () -> recoveryService.file(story.freezeCase(reference), new NewInstruction(holding,
                Instrument.RESTITUTION_ORDER, "RO-9", LocalDate.of(2026, 1, 5), RecoveryMethod.TRANSFER, DESTINATION,
                new BigDecimal("10")), chief));
        return recoveries.find(id);
    }

    private String processOf(RecoveryInstruction instruction) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(RecoveryProcess.KEY)
                .variableValueEquals(RecoveryProcess.RECOVERY_INSTRUCTION_ID, instruction.id()).singleResult().getId();
    }

    private String holdingKey() {
        return recoveries.frozenHoldings(story.freezeCase(reference).id()).get(0).key();
    }

    private RecoveryInstruction onlyInstruction() {
        return recoveries.forCase(story.freezeCase(reference).id()).get(0);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
