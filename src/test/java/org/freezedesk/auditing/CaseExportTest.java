package org.freezedesk.auditing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.freezedesk.audit.Actor;
import org.freezedesk.audit.AuditHeadKeys;
import org.freezedesk.audit.AuditKey;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.audit.Canonical;
import org.freezedesk.audit.internal.AuditCommandLine;
import org.freezedesk.audit.internal.AuditIntegrity;
import org.freezedesk.audit.internal.ExportVerification;
import org.freezedesk.audit.internal.ExportVerifier;
import org.freezedesk.auditing.internal.Timeline;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.freezedesk.support.TestMail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A finished case exported as JSON (verified on its own), CSV and the PDF report. */
@FreezeDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseExportTest {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMail.server().withPerMethodLifecycle(false);

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper objectMapper;
    @Autowired AuditKey key;
    @Autowired AuditHeadKeys headKeys;
    @Autowired ExportVerifier exportVerifier;
    @Autowired AuditIntegrity integrity;
    @Autowired AuditLog auditLog;
    @Autowired Timeline timeline;
    @Autowired TransactionTemplate transaction;
    @Autowired ConfigurableApplicationContext context;

    private StaffUser auditor;
    private String reference;

    @BeforeAll
    void finishedCase() {
        CaseStory story = new CaseStory(context);
        auditor = story.staff("auditor");
        reference = story.file(
                Filings.target("ETH", "USDT", Filings.ETH_ADDRESS, "1000.25"),
                Filings.target("BTC", "BTC", Filings.BINANCE_BTC_ADDRESS, "2.5"));
        story.approve(reference);
        story.respond(reference, "Tether", Outcome.PARTIALLY_FROZEN, "600.5");
        story.respond(reference, "Binance", Outcome.NO_FUNDS, null);
        transaction.executeWithoutResult(status -> auditLog.record(new Actor("eve", "AGENCY"), "NOTE", "note", 1, reference, null,
                "=HYPERLINK(\"http://example.org\"), \"quoted\""));
    }

    @Test
    void theJsonExportVerifiesOnItsOwnAfterARoundTripThroughAFile(@TempDir Path dir) throws Exception {
        byte[] json = export();
        ExportVerification verification = exportVerifier.verify(objectMapper.readTree(json));
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.eventsChecked()).isEqualTo(auditLog.forCase(reference).size());
        ObjectNode document = (ObjectNode) objectMapper.readTree(json);
        assertThat(document.path("chainHead").path("hash").asText()).hasSize(64);
        assertThat(document.path("engineHistory").size()).isPositive();

        Path file = dir.resolve(reference + "-timeline.json");
        Files.write(file, json);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new AuditCommandLine(integrity, headKeys, exportVerifier,
                new MockEnvironment().withProperty(AuditCommandLine.VERIFY_EXPORT, file.toString()), context)
                .execute(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(AuditCommandLine.INTACT);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("export of " + reference + " intact");
    }

    @Test
    void anEditedFieldIsNamedAtItsEvent() throws Exception {
        ObjectNode document = (ObjectNode) objectMapper.readTree(export());
        ObjectNode event = (ObjectNode) document.withArray("events").get(3);
        event.put("after", "frozen everything");
        ExportVerification verification = exportVerifier.verify(document);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenEventId()).isEqualTo(event.get("id").asLong());
        assertThat(verification.problem()).contains("after");
    }

    @Test
    void anEventRewrittenWithAFreshHashBreaksTheLinkOfTheNextOne() throws Exception {
        ObjectNode document = (ObjectNode) objectMapper.readTree(export());
        ArrayNode events = document.withArray("events");
        ObjectNode event = (ObjectNode) events.get(2);
        String canonical = event.get("canonical").asText().replace(event.get("actor").asText(), "someone else");
        event.put("actor", "someone else").put("canonical", canonical).put("hash", key.seal(canonical));
        ExportVerification verification = exportVerifier.verify(document);
        assertThat(verification.brokenEventId()).isEqualTo(events.get(3).get("id").asLong());
        assertThat(verification.problem()).contains("links to");
    }

    @Test
    void removedEventsAreFoundInTheMiddleAndAtTheEnd() throws Exception {
        ObjectNode document = (ObjectNode) objectMapper.readTree(export());
        ArrayNode events = document.withArray("events");
        long afterRemoved = events.get(2).get("id").asLong();
        events.remove(1);
        assertThat(exportVerifier.verify(document).brokenEventId()).isEqualTo(afterRemoved);

        ObjectNode cut = (ObjectNode) objectMapper.readTree(export());
        ArrayNode all = cut.withArray("events");
        all.remove(all.size() - 1);
        ExportVerification verification = exportVerifier.verify(cut);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains("case head");
    }

    @Test
    void theCsvHasEveryTimelineEntryQuotedAndDefusedForSpreadsheets() throws Exception {
        String csv = mvc.perform(get("/audit/cases/" + reference + "/timeline.csv").with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"" + reference + "-timeline.csv\""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("time_utc,kind,actor,role,client_address,action,object,before,after,process_instance,hash");
        assertThat(lines).hasSize(timeline.all(reference).size() + 1);
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://example.org\"\"), \"\"quoted\"\"\",");
    }

    @Test
    void thePdfReportOpensAndHasTheReferenceTheLegalBasisAndTheTotals() throws Exception {
        byte[] pdf = mvc.perform(get("/audit/cases/" + reference + "/report.pdf").with(user(auditor)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Case report " + reference).contains("Proceeds of Crime Act, s. 41")
                    .contains("WARRANT-2026-77").contains("APPROVE").contains("Warrant checked")
                    .contains("Tether").contains("PARTIALLY_FROZEN").contains("Binance").contains("NO_FUNDS");
            assertThat(text).containsPattern("USDT\\s+1,000\\.25\\s+600\\.5").containsPattern("BTC\\s+2\\.5\\s+0");
            assertThat(text.replaceAll("\\s", "")).contains(integrity.head().hash());
        }
    }

    private byte[] export() throws Exception {
        return mvc.perform(get("/audit/cases/" + reference + "/timeline.json").with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }
}
