package org.freezedesk.auditing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.freezedesk.auditing.internal.CaseReport;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.internal.FilingForm;
import org.freezedesk.cases.internal.FilingValidator;
import org.freezedesk.cases.internal.NewTarget;
import org.freezedesk.cases.internal.TargetRow;
import org.freezedesk.security.StaffUser;
import org.freezedesk.support.CaseStory;
import org.freezedesk.support.Filings;
import org.freezedesk.support.FreezeDeskTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The PDF report prints names in the scripts the agencies and counterparties write in: with the standard PDF
 * fonts they came out as '#'. The embedded fonts carry them, so the text PDFBox extracts holds them again.
 */
@FreezeDeskTest
class CaseReportScriptsTest {

    private static final String JAPANESE = "山田太郎";
    private static final String KOREAN = "김민준";
    private static final String RUSSIAN = "Сергей Иванов";
    private static final String ARABIC = "محمد";
    private static final String HEBREW = "דוד לוי";

    @Autowired ApplicationContext context;
    @Autowired FilingValidator filingValidator;
    @Autowired FreezeCaseService freezeCaseService;
    @Autowired CaseReport caseReport;

    @Test
    void namesInJapaneseKoreanRussianAndArabicAreInTheReportsText() throws Exception {
        CaseStory story = new CaseStory(context);
        FilingForm form = Filings.form(TargetRow.of("ETH", "USDT", Filings.ETH_ADDRESS, "1000", null, "Wallet of " + ARABIC));
        form.setTitle("Theft from " + JAPANESE);
        form.setVictim(KOREAN);
        form.setIncidentSummary("Funds of " + RUSSIAN + ", " + ARABIC + " and " + HEBREW + " drained.");
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "form");
        List<NewTarget> targets = filingValidator.validateTargets(form, errors);
        assertThat(errors.getAllErrors()).isEmpty();
        StaffUser agency = story.staff("agency");
        String reference = CaseStory.as(agency, () -> freezeCaseService.file(form, targets, agency));

        byte[] pdf = caseReport.pdf(reference, story.staff("auditor"));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(JAPANESE).contains(KOREAN).contains(RUSSIAN).doesNotContain("###");
            // In reading order and with its letters joined, so that it reads back as typed, not reversed.
            assertThat(text).as("the Arabic and Hebrew names as typed").contains(ARABIC).contains(HEBREW);
            List<String> embedded = new ArrayList<>();
            for (var name : document.getPage(0).getResources().getFontNames()) {
                PDFont font = document.getPage(0).getResources().getFont(name);
                if (font.isEmbedded()) {
                    embedded.add(font.getName());
                }
            }
            assertThat(embedded).anyMatch(f -> f.contains("DejaVu")).anyMatch(f -> f.contains("WenQuanYi"));
        }
    }
}
