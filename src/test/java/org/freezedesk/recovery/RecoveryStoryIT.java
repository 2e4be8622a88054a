package org.freezedesk.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.Filings;
import org.freezedesk.support.PostgresTestDatabase;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * On PostgreSQL, one case from freeze through recovery to closure: Tether freezes 1000 USDT, 400 come back in a
 * first transfer and 600 in a second, the case closes with its summary and its record verifies.
 */
@SpringBootTest(properties = {"freezedesk.mail.embedded-smtp.enabled=false", "camunda.bpm.job-execution.enabled=false"})
@ContextConfiguration(initializers = TestMail.Initializer.class)
@AutoConfigureMockMvc
class RecoveryStoryIT {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    private static final String DESTINATION = "0x52908400098527886E0F7030069857D2E4169EE7";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired AuditIntegrity integrity;

    @Test
    void freezeRecoverInTwoTransfersAndClose() throws Exception {
        RecoveryStory story = new RecoveryStory(context);
        StaffUser agency = story.staff("agency");
        String reference = story.file(Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000"));
        story.approve(reference);
        story.acknowledge(reference, "Tether");
        story.respond(reference, "Tether", Outcome.FROZEN, "1000", null);

        story.confirmTransfer(story.instructAndApprove(reference, "Tether", "400", DESTINATION), "0x" + "01".repeat(32), "400");
        story.confirmTransfer(story.instructAndApprove(reference, "Tether", "600", DESTINATION), "0x" + "02".repeat(32), "600");
        mvc.perform(post("/cases/{r}/requests/1/summary", reference).with(user(agency)).with(csrf()));
        mvc.perform(post("/cases/{r}/closure", reference).with(user(agency)).with(csrf()).param("summary", "All 1000 USDT returned."));

        Document page = Jsoup.parse(mvc.perform(get("/cases/{r}", reference).with(user(agency))).andReturn().getResponse()
                .getContentAsString());
        assertThat(page.select("#recovered tbody tr").text()).isEqualTo("USDT 1,000");
        assertThat(page.select("#recovery-instructions tbody tr")).hasSize(2);
        assertThat(page.select("#closed").text()).contains("All 1000 USDT returned.");
        assertThat(mvc.perform(post("/cases/{r}/recoveries", reference).with(user(agency)).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(409);
        assertThat(integrity.verify(null).intact()).isTrue();
    }
}
