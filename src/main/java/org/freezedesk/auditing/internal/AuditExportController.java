package org.freezedesk.auditing.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.StaffUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** A case's record as files for auditors: timeline CSV and JSON, and the PDF case report. */
@Controller
@RequestMapping("/audit/cases/{reference}")
class AuditExportController {

    private final FreezeCaseService freezeCaseService;
    private final CaseExports exports;
    private final CaseReport report;

    AuditExportController(FreezeCaseService freezeCaseService, CaseExports exports, CaseReport report) {
        this.freezeCaseService = freezeCaseService;
        this.exports = exports;
        this.report = report;
    }

    @GetMapping("/timeline.csv")
    void csv(@PathVariable String reference, @AuthenticationPrincipal StaffUser user, HttpServletResponse response)
            throws IOException {
        String caseReference = freezeCaseService.visibleCase(reference, user).reference();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(caseReference + "-timeline.csv"));
        exports.csv(caseReference, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }

    @GetMapping("/timeline.json")
    ResponseEntity<CaseAuditExport> json(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        String caseReference = freezeCaseService.visibleCase(reference, user).reference();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(caseReference + "-timeline.json"))
                .body(exports.json(caseReference));
    }

    @GetMapping("/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        String caseReference = freezeCaseService.visibleCase(reference, user).reference();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(caseReference + "-report.pdf"))
                .body(report.pdf(caseReference, user));
    }

    private static String attachment(String filename) {
        return ContentDisposition.attachment().filename(filename).build().toString();
    }
}
