package org.freezedesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.recovery.internal.RecoveryInstruction;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/** A case closes only when nothing in it waits any more, with a closing summary; afterwards it cannot change. */
@FreezeDeskTest
class CaseClosureTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;

    @Test
    void closesOnceEverythingIsAnsweredAndIsReadOnlyAfterwards() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser agency = story.staff("agency");
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        assertThat(obstacles(reference, agency)).contains("The counterparty request to Tether (request 1) is not closed.");

        story.acknowledge(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", null);
        RecoveryInstruction instruction = story.instructAndApprove(reference, "Tether", "700", DESTINATION);
        assertThat(obstacles(reference, agency)).contains("A recovery instruction still waits for legal review or the counterparty.",
                "A task of this case is still open, such as a summary to read.");

        story.confirmTransfer(instruction, "0x" + "cd".repeat(32), "700");
        assertThat(casePage(reference, agency).select("#counterparty-links button").eachText()).as("open case").contains("Revoke link");
        mvc.perform(post("/cases/{r}/requests/1/summary", reference).with(user(agency)).with(csrf()));
        Document page = closurePage(reference, agency);
        assertThat(page.select("#obstacles")).isEmpty();
        assertThat(page.select("#closing-figures tbody tr").text()).isEqualTo("USDT 1,000 1,000 700");

        Document blank = Jsoup.parse(mvc.perform(post("/cases/{r}/closure", reference).with(user(agency)).with(csrf()).param("summary", " "))
                .andReturn().getResponse().getContentAsString());
        assertThat(blank.select("#summary + .invalid-feedback").text()).startsWith("Write the closing summary");

        mvc.perform(post("/cases/{r}/closure", reference).with(user(agency)).with(csrf())
                .param("summary", "700 USDT returned to the victim; the rest released."));

        Document casePage = casePage(reference, agency);
        assertThat(casePage.select("#counterparty-links button").eachText()).as("closed case").doesNotContain("Revoke link");
        assertThat(casePage.select("#counterparty-links .revoke-refused").text()).startsWith("The case is closed");
        assertThat(casePage.select("#closed").text()).contains("700 USDT returned to the victim; the rest released.", "read-only");
        assertThat(casePage.select("#close-case, #file-recovery")).isEmpty();
        assertThat(mvc.perform(post("/cases/{r}/recoveries", reference).with(user(agency)).with(csrf()).param("amount", "1"))
                .andReturn().getResponse().getStatus()).isEqualTo(409);
        assertThat(mvc.perform(post("/cases/{r}/closure", reference).with(user(agency)).with(csrf()).param("summary", "again"))
                .andReturn().getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void theClosingFiguresReadAsTheCasePageDoesWithTargetsAskingForAll() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser agency = story.staff("agency");
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1.25"),
                Filings.target("ETH", "USDT", DESTINATION, "all"));

        assertThat(closurePage(reference, agency).select("#closing-figures tbody tr").text()).isEqualTo("USDT 1.25 + all at 1 address 0 0");
        assertThat(casePage(reference, agency).select("#totals tbody tr").text()).startsWith("USDT 1.25 + all at 1 address");
    }

    private List<String> obstacles(String reference, StaffUser agency) throws Exception {
        return closurePage(reference, agency).select("#obstacles li").eachText();
    }

    private Document casePage(String reference, StaffUser agency) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/{r}", reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString());
    }

    private Document closurePage(String reference, StaffUser agency) throws Exception {
        return Jsoup.parse(mvc.perform(get("/cases/{r}/closure", reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString());
    }
}
