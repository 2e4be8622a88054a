package org.freezedesk.cases.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.freezedesk.input.BoundedBody;
import org.freezedesk.security.StaffUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Target imports (CSV, STIX, MISP) for agencies' case systems: post the file, follow the check's progress, read the preview, then
 * file a case with {@code importId}. The same check and storage as the filing form's upload.
 */
@RestController
@RequestMapping("/api/v1/imports")
class TargetImportApiController {

    record ImportDocument(String id, String fileName, ImportState state, int totalLines, int checkedLines, int errorLines,
            int warningLines, String failure, List<ImportLine.Problem> problems, List<ImportGroup> groups, List<ImportLine> lines) {
    }

    private final TargetImportService imports;

    TargetImportApiController(TargetImportService imports) {
        this.imports = imports;
    }

    /**
     * The file is the request body: {@code text/csv} in UTF-8, or a STIX 2.1 bundle or MISP event as JSON (told apart
     * by content), read in chunks up to {@link TargetImportService#MAX_BYTES} (413 beyond); 202 while its lines are checked.
     */
    @PostMapping(consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE,
            MediaType.APPLICATION_JSON_VALUE, "application/stix+json"})
    ResponseEntity<?> upload(HttpServletRequest request, @RequestHeader(name = "X-File-Name", required = false) String fileName,
            @AuthenticationPrincipal StaffUser user) throws IOException {
        byte[] content = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), TargetImportService.MAX_BYTES, "file");
        try {
            String id = imports.upload(user.getUsername(), null, null, fileName, content, null);
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id))
                    .body(document(imports.find(id, user.getUsername()).orElseThrow(), 0, 0));
        } catch (ImportRefusedException e) {
            return ResponseEntity.badRequest().body(Map.of("errors", List.of(Map.of("field", "file", "message", e.getMessage()))));
        }
    }

    /** Progress while checking; once checked, the problems, the routing per counterparty and a page of lines. */
    @GetMapping("/{id}")
    ImportDocument get(@PathVariable String id, @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "" + TargetImportService.MAX_LINES) int limit, @AuthenticationPrincipal StaffUser user) {
        TargetImport targetImport = imports.find(id, user.getUsername()).orElseThrow(() -> new ImportNotFoundException(id));
        return document(targetImport, Math.max(offset, 0), Math.min(Math.max(limit, 0), TargetImportService.MAX_LINES));
    }

    private ImportDocument document(TargetImport i, int offset, int limit) {
        boolean checked = i.state() == ImportState.READY || i.state() == ImportState.SAVED;
        return new ImportDocument(i.id(), i.fileName(), i.state(), i.totalLines(), i.checkedLines(),
                i.errorLines(), i.warningLines(), i.failure(),
                checked ? imports.problems(i, TargetImportService.MAX_LINES) : List.of(),
                checked ? imports.groups(i) : List.of(),
                checked && limit > 0 ? imports.lines(i, offset, limit) : List.of());
    }
}
