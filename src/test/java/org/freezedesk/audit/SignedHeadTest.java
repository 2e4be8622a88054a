package org.freezedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.freezedesk.support.Keys.bearerOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.freezedesk.audit.internal.AuditHeadExport;
import org.freezedesk.security.internal.StaffUserRepository;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The signed chain head: an operator exports it to its file and the auditors' mail; auditors check the log against it. */
@FreezeDeskTest
class SignedHeadTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server();

    @Autowired MockMvc mvc;
    @Autowired ApplicationContext context;
    @Autowired StaffUserRepository users;
    @Autowired AuditLog auditLog;
    @Autowired TransactionTemplate transaction;
    @Value("${freezedesk.audit.head-export.directory}") Path directory;
    @Value("${freezedesk.audit.head-export.mail-to}") String auditors;

    @Test
    void anExportedHeadIsFiledMailedToTheAuditorsAndVerifiesTheLog() throws Exception {
        transaction.executeWithoutResult(status -> auditLog.record(Actor.ENGINE, "NOTE", "note", 1, "FRZ-TEST-SIGNED", null, "noted"));

        mvc.perform(post("/admin/audit-head").with(user(users.loadUserByUsername("admin"))).with(csrf()))
                .andExpect(status().isFound());

        String filed = Files.readString(directory.resolve(AuditHeadExport.LATEST));
        assertThat(filed).contains("format: " + SignedHead.FORMAT).contains("signature: ");
        String head = field(filed, "event") + ":" + field(filed, "hash");
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).equals("FreezeDesk audit chain head " + head)))
                .as("the signed head mailed to the auditors").isNotEmpty()
                .allSatisfy(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo(auditors));

        Document page = Jsoup.parse(mvc.perform(get("/audit/integrity").param("head", filed)
                .with(user(users.loadUserByUsername("auditor")))).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#verification .alert-success")).as(page.text()).hasSize(1);
        mvc.perform(get("/api/v1/audit/verify").param("head", filed).with(bearerOf(context, "auditor")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void aHeadWhoseSignatureDoesNotVerifyIsRefusedWithAReason() throws Exception {
        transaction.executeWithoutResult(status -> auditLog.record(Actor.ENGINE, "NOTE", "note", 2, "FRZ-TEST-SIGNED", null, "noted"));
        String signed = mvc.perform(get("/audit/signed-head.txt").with(user(users.loadUserByUsername("auditor"))))
                .andReturn().getResponse().getContentAsString();
        String moved = signed.replaceFirst("events: (\\d+)", "events: 999999");

        Document page = Jsoup.parse(mvc.perform(get("/audit/integrity").param("head", moved)
                .with(user(users.loadUserByUsername("auditor")))).andReturn().getResponse().getContentAsString());
        assertThat(page.select(".alert-warning").text()).contains("signature does not verify");
        mvc.perform(get("/api/v1/audit/verify").param("head", moved).with(bearerOf(context, "auditor")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("head"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("signature")));
    }

    private static String field(String signedHead, String name) {
        return signedHead.lines().filter(l -> l.startsWith(name + ": ")).findFirst().orElseThrow().substring(name.length() + 2);
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyAnAdministratorExportsOnDemand() throws Exception {
        mvc.perform(post("/admin/audit-head").with(user(users.loadUserByUsername("auditor"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/audit-head").with(user(users.loadUserByUsername("agency"))).with(csrf()))
                .andExpect(status().isForbidden());
    }
}
