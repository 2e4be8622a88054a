package org.freezedesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.internal.FreezeHold;
import org.freezedesk.recovery.internal.FreezeHoldProcess;
import org.freezedesk.recovery.internal.FreezeHoldRepository;
import org.freezedesk.recovery.internal.FreezeHoldState;
import org.freezedesk.security.StaffUser;
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

/**
 * Tether holds a freeze until a date; seven days (the configured warning) before it, the filer is warned with a
 * task to ask for an extension, Tether confirms a later date in the portal, and the warning moves with it.
 */
@FreezeDeskTest
class LapseWarningTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired FreezeHoldRepository holds;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void warnsBeforeTheHoldLapsesAndMovesWithAnExtension() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser agency = story.staff("agency");
        LocalDate heldUntil = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.acknowledge(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", heldUntil);
        FreezeHold hold = holds.forCase(story.freezeCase(reference).id()).get(0);
        assertThat(hold.heldUntil()).isEqualTo(heldUntil);
        assertThat(timerOf(hold).getDuedate()).isEqualTo(startOf(heldUntil.minusDays(7)));

        ClockUtil.setCurrentTime(startOf(heldUntil.minusDays(8)));
        story.runJobs(reference);
        assertThat(warning(reference, agency).select(".lapse-warning")).isEmpty();

        ClockUtil.setCurrentTime(startOf(heldUntil.minusDays(6)));
        story.runJobs(reference);
        Document warned = warning(reference, agency);
        assertThat(warned.select("#freeze-holds .lapse-warning").text()).isEqualTo("lapses soon");

        mvc.perform(post("/cases/{r}/holds/{id}/extension-request", reference, hold.id()).with(user(agency)).with(csrf()));
        story.runJobs(reference);
        assertThat(holds.find(hold.id()).state()).isEqualTo(FreezeHoldState.EXTENSION_REQUESTED);
        assertThat(warning(reference, agency).select(".lapse-warning")).isEmpty();
        MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).equals("Extension of freeze " + reference + " — Tether")).findFirst().orElseThrow();
        String link = TestMail.portalPath(mail) + "/recoveries/holds/" + hold.id();

        Document refused = Jsoup.parse(mvc.perform(post(link + "/extension").with(csrf()).param("name", "Jo Compliance")
                .param("heldUntil", heldUntil.toString())).andReturn().getResponse().getContentAsString());
        assertThat(refused.select("#heldUntil + .invalid-feedback").text()).startsWith("Must be after the current date");
        assertThat(refused.select("#name").val()).isEqualTo("Jo Compliance");

        LocalDate extended = heldUntil.plusDays(60);
        mvc.perform(post(link + "/extension").with(csrf()).param("name", "Jo Compliance").param("heldUntil", extended.toString()));

        FreezeHold after = holds.find(hold.id());
        assertThat(after.heldUntil()).isEqualTo(extended);
        assertThat(after.state()).isEqualTo(FreezeHoldState.HELD);
        assertThat(timerOf(after).getDuedate()).isEqualTo(startOf(extended.minusDays(7)));
    }

    private Job timerOf(FreezeHold hold) {
        return managementService.createJobQuery().processInstanceId(processOf(hold)).timers().singleResult();
    }

    private String processOf(FreezeHold hold) {
        return runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(FreezeHoldProcess.KEY).variableValueEquals(FreezeHoldProcess.FREEZE_HOLD_ID, hold.id())
                .singleResult().getId();
    }

    private Document warning(String reference, StaffUser agency) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/{r}", reference).with(user(agency))).andReturn().getResponse().getContentAsString());
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
