package org.freezedesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.freezedesk.cases.FreezeCase;
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
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * A recovery waiting for its transfer is reminded and becomes overdue on the SLA decision's timers (Tether answers
 * within 24 hours, the filings are critical: reminded after 6, overdue after 12); the filer asks to withdraw it,
 * legal (never the filer) approves, and the case can close. Legal can also return an instruction for amendment.
 */
@FreezeDeskTest
class RecoveryFollowUpTest {

    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static final Duration REMIND_AFTER = Duration.ofHours(6);
    private static final Duration OVERDUE_AFTER = Duration.ofHours(12);

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired RecoveryRepository recoveries;
    @Autowired RecoveryService recoveryService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void aRecoveryIsRemindedBecomesOverdueIsWithdrawnAndTheCaseCloses() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser agency = story.staff("agency");
        String reference = frozenAtTether(story);
        Instant approvedAt = Instant.now();
        RecoveryInstruction instruction = story.instructAndApprove(reference, "Tether", "400", DESTINATION);
        Instant notifiedBy = Instant.now();
        assertThat(instruction.state()).isEqualTo(RecoveryState.NOTIFIED);
        assertThat(instruction.dueAt().toInstant()).isBetween(approvedAt.plus(OVERDUE_AFTER), notifiedBy.plus(OVERDUE_AFTER));

        ClockUtil.setCurrentTime(Date.from(notifiedBy.plus(REMIND_AFTER).plusSeconds(60)));
        story.runJobs(reference);
        assertThat(subjects()).contains("Reminder: recovery instruction " + reference + " — Tether");
        assertThat(recoveries.find(instruction.id()).state()).as("a reminder changes nothing else").isEqualTo(RecoveryState.NOTIFIED);
        assertThat(closureObstacles(reference, agency)).contains("A recovery instruction still waits for legal review or the counterparty.");

        ClockUtil.setCurrentTime(Date.from(instruction.dueAt().toInstant().plusSeconds(60)));
        story.runJobs(reference);
        assertThat(recoveries.find(instruction.id()).state()).isEqualTo(RecoveryState.OVERDUE);
        assertThat(casePage(reference, agency).select("#recovery-instructions .recovery-follow-up")).hasSize(1);
        assertThat(status(get(followUp(reference, instruction)).with(user(story.staff("agency2"))))).as("another agency").isEqualTo(404);

        Document blank = Jsoup.parse(mvc.perform(post(followUp(reference, instruction) + "/withdrawal").with(user(agency)).with(csrf())
                .param("reason", " ")).andReturn().getResponse().getContentAsString());
        assertThat(blank.select("#reason + .invalid-feedback").text()).isEqualTo("Say why, so legal can review the withdrawal");
        assertThat(recoveries.find(instruction.id()).state()).isEqualTo(RecoveryState.OVERDUE);

        assertThat(status(post(followUp(reference, instruction) + "/withdrawal").with(user(agency)).with(csrf())
                .param("reason", "Tether says the order must be served locally first"))).isEqualTo(302);
        assertThat(recoveries.find(instruction.id()).state()).isEqualTo(RecoveryState.WITHDRAWAL_IN_REVIEW);
        assertThat(closureObstacles(reference, agency)).contains("A recovery instruction still waits for legal review or the counterparty.");

        Task review = withdrawalReview(instruction);
        assertThat(catchThrowable(() -> CaseStory.as(agency, () -> {
            recoveryService.decide(review.getId(), ReviewDecision.APPROVE, null, agency);
            return null;
        }))).as("the one who asked cannot approve").isInstanceOf(FourEyesViolationException.class);
        Document reviewPage = Jsoup.parse(mvc.perform(get("/review/recoveries/{id}", review.getId()).with(user(story.staff("legal"))))
                .andReturn().getResponse().getContentAsString());
        assertThat(reviewPage.select("#withdrawal-request").text()).contains("Tether says the order must be served locally first");
        assertThat(status(post("/review/recoveries/{id}", review.getId()).with(user(story.staff("legal"))).with(csrf())
                .param("decision", "APPROVE"))).isEqualTo(302);
        story.runJobs(reference);

        assertThat(recoveries.find(instruction.id()).state()).isEqualTo(RecoveryState.WITHDRAWN);
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("recoveryWithdrawn").count()).isEqualTo(1);
        mvc.perform(post("/cases/{r}/requests/1/summary", reference).with(user(agency)).with(csrf()));
        assertThat(closureObstacles(reference, agency)).isEmpty();
        assertThat(status(post("/cases/{r}/closure", reference).with(user(agency)).with(csrf())
                .param("summary", "Recovery withdrawn; funds stay frozen under the local order."))).isEqualTo(302);
        assertThat(casePage(reference, agency).select("#closed").text()).contains("Recovery withdrawn");
    }

    @Test
    void aReturnedRecoveryInstructionIsAmendedAndApproved() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser agency = story.staff("agency");
        StaffUser legal = story.staff("legal");
        String reference = frozenAtTether(story);
        FreezeCase freezeCase = story.freezeCase(reference);
        FrozenHolding holding = recoveries.frozenHoldings(freezeCase.id()).get(0);
        long id = CaseStory.as(agency, () -> recoveryService.file(freezeCase, new NewInstruction(holding, Instrument.FORFEITURE_ORDER,
                "FO-2026-1", LocalDate.of(2026, 3, 1), RecoveryMethod.TRANSFER, DESTINATION, new BigDecimal("400")), agency));
        String review = reviewTaskOf(id).getId();

        Document noComment = Jsoup.parse(mvc.perform(post("/review/recoveries/{id}", review).with(user(legal)).with(csrf())
                .param("decision", "RETURN")).andReturn().getResponse().getContentAsString());
        assertThat(noComment.select("#comment + .invalid-feedback").text()).isEqualTo("Say why, so the filer knows what to change");
        assertThat(status(post("/review/recoveries/{id}", review).with(user(legal)).with(csrf()).param("decision", "RETURN")
                .param("comment", "The forfeiture order number is FO-2026-2"))).isEqualTo(302);
        assertThat(recoveries.find(id).state()).isEqualTo(RecoveryState.RETURNED);
        assertThat(casePage(reference, agency).select("#recovery-instructions .recovery-amend")).hasSize(1);

        String amendment = "/cases/" + reference + "/recoveries/" + id + "/amendment";
        assertThat(status(get(amendment).with(user(story.staff("agency2"))))).as("another agency").isEqualTo(404);
        Document form = Jsoup.parse(mvc.perform(get(amendment).with(user(agency))).andReturn().getResponse().getContentAsString());
        assertThat(form.select("#returned-comment").text()).contains("The forfeiture order number is FO-2026-2");
        assertThat(form.select("#instrumentReference").val()).isEqualTo("FO-2026-1");
        assertThat(form.select("#amount").val()).isEqualTo("400");

        Document tooMuch = Jsoup.parse(mvc.perform(post(amendment).with(user(agency)).with(csrf()).param("holding", holding.key())
                .param("instrument", "FORFEITURE_ORDER").param("instrumentReference", "FO-2026-2").param("instrumentDate", "2026-03-01")
                .param("method", "TRANSFER").param("destinationAddress", DESTINATION).param("amount", "1000.5"))
                .andReturn().getResponse().getContentAsString());
        assertThat(tooMuch.select("#amount + .invalid-feedback").text()).startsWith("Only 1000 USDT are frozen");
        assertThat(tooMuch.select("#instrumentReference").val()).isEqualTo("FO-2026-2");
        assertThat(recoveries.find(id).instrumentReference()).as("nothing stored").isEqualTo("FO-2026-1");

        assertThat(status(post(amendment).with(user(agency)).with(csrf()).param("holding", holding.key())
                .param("instrument", "FORFEITURE_ORDER").param("instrumentReference", "FO-2026-2").param("instrumentDate", "2026-03-01")
                .param("method", "TRANSFER").param("destinationAddress", DESTINATION).param("amount", "400"))).isEqualTo(302);
        assertThat(recoveries.find(id).state()).isEqualTo(RecoveryState.IN_REVIEW);
        assertThat(recoveries.find(id).instrumentReference()).isEqualTo("FO-2026-2");

        assertThat(status(post("/review/recoveries/{id}", reviewTaskOf(id).getId()).with(user(legal)).with(csrf())
                .param("decision", "APPROVE"))).isEqualTo(302);
        story.runJobs(reference);
        assertThat(recoveries.find(id).state()).isEqualTo(RecoveryState.NOTIFIED);
        assertThat(subjects()).contains("Recovery instruction " + reference + " — Tether");
    }

    private String frozenAtTether(RecoveryStory story) {
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.FROZEN, "1000");
        return reference;
    }

    private Task reviewTaskOf(long id) {
        return taskService.createTaskQuery().processVariableValueEquals(RecoveryProcess.RECOVERY_INSTRUCTION_ID, id)
                .taskDefinitionKey(RecoveryProcess.REVIEW_RECOVERY_INSTRUCTION).singleResult();
    }

    private Task withdrawalReview(RecoveryInstruction instruction) {
        return taskService.createTaskQuery().processVariableValueEquals(RecoveryProcess.RECOVERY_INSTRUCTION_ID, instruction.id())
                .taskDefinitionKey(RecoveryProcess.REVIEW_WITHDRAWAL).taskCandidateGroup(RecoveryProcess.LEGAL_GROUP).singleResult();
    }

    private static String followUp(String reference, RecoveryInstruction instruction) {
        return "/cases/" + reference + "/recoveries/" + instruction.id() + "/follow-up";
    }

    private int status(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private Document casePage(String reference, StaffUser user) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/{r}", reference).with(user(user))).andReturn().getResponse().getContentAsString());
    }

    private List<String> closureObstacles(String reference, StaffUser agency) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/{r}/closure", reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString()).select("#obstacles li").eachText();
    }

    private static List<String> subjects() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
