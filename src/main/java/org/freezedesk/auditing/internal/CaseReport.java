package org.freezedesk.auditing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.freezedesk.audit.AuditRepository;
import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.CounterpartyRequestSummary;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.TargetOutcome;
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

    private static byte[] render(String html) {
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
