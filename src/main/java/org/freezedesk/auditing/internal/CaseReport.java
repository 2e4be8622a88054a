package org.freezedesk.auditing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.freezedesk.audit.AuditRepository;
import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.CounterpartyRequestSummary;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.input.InputPolicy;
import org.freezedesk.review.LegalDecision;
import org.freezedesk.review.LegalDecisionRepository;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The case report an auditor files or hands on: the requests with their legal basis, the legal
 * decisions, each counterparty's responses, the totals and the chain head, as a PDF rendered from the
 * Thymeleaf template {@code auditing/report} (no browser involved).
 */
@Service
public class CaseReport {

    public record RequestSection(FreezeRequest request, List<Target> targets, List<LegalDecision> decisions) {
    }

    public record CounterpartySection(CounterpartyRequestSummary summary, List<ResponseRow> responses) {
    }

    /** One outcome a counterparty reported for one target, in the order it was submitted. */
    public record ResponseRow(OffsetDateTime submittedAt, String submittedBy, Target target, TargetOutcome outcome) {
    }

    private final FreezeCaseService freezeCaseService;
    private final LegalDecisionRepository decisions;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final AuditRepository audit;
    private final ITemplateEngine templates;

    CaseReport(FreezeCaseService freezeCaseService, LegalDecisionRepository decisions,
            CounterpartyRequestRepository counterpartyRequests, AuditRepository audit, ITemplateEngine templates) {
        this.freezeCaseService = freezeCaseService;
        this.decisions = decisions;
        this.counterpartyRequests = counterpartyRequests;
        this.audit = audit;
        this.templates = templates;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public byte[] pdf(String caseReference, StaffUser auditor) {
        return render(html(caseReference, auditor));
    }

    String html(String caseReference, StaffUser auditor) {
        CaseView view = freezeCaseService.view(caseReference, auditor);
        Map<Long, Target> targets = view.requests().stream().flatMap(r -> r.targets().stream())
                .collect(Collectors.toMap(Target::id, Function.identity()));
        Context context = new Context(Locale.ENGLISH);
        context.setVariable("view", view);
        context.setVariable("requests", view.requests().stream()
                .map(r -> new RequestSection(r.request(), r.targets(), decisions.forRequest(r.request().id()))).toList());
        context.setVariable("counterparties", view.counterpartyRequests().stream()
                .map(s -> new CounterpartySection(s, responses(s.id(), targets))).toList());
        context.setVariable("chainHead", audit.head());
        context.setVariable("caseHead", audit.lastHashOfCase(caseReference));
        context.setVariable("caseEventCount", audit.count(caseReference, null));
        context.setVariable("generatedAt", OffsetDateTime.now(ZoneOffset.UTC));
        context.setVariable("generatedBy", auditor.getUsername());
        return templates.process("auditing/report", context);
    }

    /** Oldest first, as the counterparty sent them. */
    private List<ResponseRow> responses(long counterpartyRequestId, Map<Long, Target> targets) {
        return counterpartyRequests.history(counterpartyRequestId).stream()
                .sorted(Comparator.comparingLong(TargetOutcome::responseId).thenComparingLong(TargetOutcome::targetId))
                .map(o -> new ResponseRow(o.submittedAt(), o.submittedByName(), targets.get(o.targetId()), o)).toList();
    }

    private static final String CJK_FAMILY = "WenQuanYi Micro Hei";

    private static InputStream font(String file) {
        return CaseReport.class.getResourceAsStream("/fonts/" + file);
    }

    private static byte[] render(String html) {
        // The Chinese, Japanese and Korean font comes as a collection; the report uses its proportional face, which
        // stays open until the document is written.
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream pdf = new ByteArrayOutputStream();
                TrueTypeCollection cjk = new TrueTypeCollection(font("wqy-microhei.ttc"))) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            // Arabic and Hebrew run right to left, and Arabic letters take another form by their neighbours: without
            // these the report would print them in typing order and unjoined, which PDF text extraction reads back
            // reversed or not at all.
            builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
            builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
            builder.defaultTextDirection(BaseRendererBuilder.TextDirection.LTR);
            // The standard PDF fonts know Latin only: names in other scripts would print as '#'. These fonts
            // (src/main/resources/fonts, with their licences) are embedded, each reduced to the glyphs used.
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(document, cjk.getFontByName("WenQuanYiMicroHei"), true)), CJK_FAMILY, 400,
                    BaseRendererBuilder.FontStyle.NORMAL, true);
            // XML cannot hold control characters: one stored before the input policy, or sent by an engine, would
            // make every later report of the case fail, so the report leaves them out.
            builder.withHtmlContent(InputPolicy.withoutControlCharacters(html), null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
