package org.freezedesk.cases.internal;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.input.BoundedBody;
import org.freezedesk.input.CursorPage;
import org.freezedesk.input.InputRefusedException;
import org.freezedesk.input.Problems;
import org.freezedesk.security.StaffUser;
import org.springframework.http.HttpStatus;
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
@Tag(name = "Imports", description = "Checking CSV files of targets before filing them (role AGENCY, the uploader only)")
class TargetImportApiController {

    record ImportDocument(String id, String fileName, ImportState state, int totalLines, int checkedLines, int errorLines,
            int warningLines, String failure, List<ImportLine.Problem> problems, List<ImportGroup> groups, CursorPage<ImportLine> lines) {
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
    @Operation(summary = "Check a file of targets (CSV, STIX or MISP)",
            description = "UTF-8 CSV (header row chain,asset,address,amount,tx_hashes,note), or a STIX 2.1 bundle or MISP event "
                    + "as JSON; up to 50,000 lines and 64 MB. "
                    + "202 with the import and its Location; follow its progress there, then file it with importId.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string", format = "binary"),
            examples = @ExampleObject(value = "chain,asset,address,amount,tx_hashes,note\nETH,USDT,0x52908400098527886E0F7030069857D2E4169EE7,1250.5,,\n")))
    @ApiResponse(responseCode = "202", description = "Being checked", content = @Content(schema = @Schema(implementation = ImportDocument.class)))
    ResponseEntity<?> upload(HttpServletRequest request, @RequestHeader(name = "X-File-Name", required = false) String fileName,
            @AuthenticationPrincipal StaffUser user) throws IOException {
        byte[] content = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(), TargetImportService.MAX_BYTES, "file");
        try {
            String id = imports.upload(user.getUsername(), null, null, fileName, content, null);
            return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + id))
                    .body(document(imports.find(id, user.getUsername()).orElseThrow(), 0, CursorPage.DEFAULT_LIMIT));
        } catch (ImportRefusedException e) {
            return Problems.of(HttpStatus.BAD_REQUEST, "file", e.getMessage());
        }
    }

    /** Progress while checking; once checked, the problems, the routing per counterparty and a page of lines. */
    @GetMapping("/{id}")
    @Operation(summary = "An import's progress and result",
            description = "While checking, the lines checked so far; once checked, its problems by line and column, where its "
                    + "targets go per counterparty, and its lines a page at a time (lines.next asks for the next page).")
    ImportDocument get(@PathVariable String id,
            @Parameter(description = "lines.next of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "lines per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal StaffUser user) {
        TargetImport targetImport = imports.find(id, user.getUsername()).orElseThrow(() -> new ImportNotFoundException(id));
        int size = CursorPage.limit(limit);
        String after = CursorPage.after(cursor);
        return document(targetImport, after == null ? 0 : lineOffset(after), size);
    }

    private static int lineOffset(String cursor) {
        try {
            int offset = Integer.parseInt(cursor);
            if (offset >= 0 && offset <= TargetImportService.MAX_LINES) {
                return offset;
            }
        } catch (NumberFormatException notOurs) {
            // answered below like any other cursor FreezeDesk never gave
        }
        throw new InputRefusedException("cursor", "This is not a cursor FreezeDesk gave; start again without one");
    }

    private ImportDocument document(TargetImport i, int offset, int limit) {
        boolean checked = i.state() == ImportState.READY || i.state() == ImportState.SAVED;
        List<ImportLine> lines = checked ? imports.lines(i, offset, limit + 1) : List.of();
        String next = lines.size() > limit ? CursorPage.encode(String.valueOf(offset + limit)) : null;
        return new ImportDocument(i.id(), i.fileName(), i.state(), i.totalLines(), i.checkedLines(),
                i.errorLines(), i.warningLines(), i.failure(),
                checked ? imports.problems(i, TargetImportService.MAX_LINES) : List.of(),
                checked ? imports.groups(i) : List.of(),
                new CursorPage<>(lines.subList(0, Math.min(limit, lines.size())), next));
    }
}
