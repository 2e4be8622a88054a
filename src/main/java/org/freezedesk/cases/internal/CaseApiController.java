package org.freezedesk.cases.internal;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.TargetSanctions;
import org.freezedesk.input.Problems;
import org.freezedesk.security.StaffUser;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON for agencies' own case systems: the same validation and service as the filing form. */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "Filing and following cases (role AGENCY; LEGAL and AUDITOR read)")
class CaseApiController {

    private final FreezeCaseService freezeCaseService;
    private final FilingValidator filingValidator;
    private final SmartValidator beanValidator;
    private final TargetImportService imports;
    private final TargetSanctions sanctions;
    private final AddressIndex addressIndex;

    CaseApiController(FreezeCaseService freezeCaseService, FilingValidator filingValidator, SmartValidator beanValidator,
            TargetImportService imports, TargetSanctions sanctions, AddressIndex addressIndex) {
        this.addressIndex = addressIndex;
        this.imports = imports;
        this.sanctions = sanctions;
        this.freezeCaseService = freezeCaseService;
        this.filingValidator = filingValidator;
        this.beanValidator = beanValidator;
    }

    /** Targets are typed in {@code targets}, or come from a checked import named by {@code importId}. */
    @PostMapping
    @Operation(summary = "File a case with its first request",
            description = "The same checks as the filing form. Targets are given in targets, or come from a checked import "
                    + "named by importId (POST /api/v1/imports), not both. 201 with the case and its Location.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = FilingForm.class),
            examples = @ExampleObject(value = """
                    {"title": "Bridge drain", "incidentSummary": "Funds drained from the bridge", "victim": "Example Bridge",
                     "theftDate": "2026-03-01", "legalBasis": "PoCA s. 41", "courtOrderReference": "W-2026-17",
                     "mlatReference": "", "urgency": "URGENT",
                     "targets": [{"chain": "ETH", "asset": "USDT", "address": "0x52908400098527886E0F7030069857D2E4169EE7",
                                  "amount": "1250.5", "txHashes": "", "note": "first hop"}]}""")))
    @ApiResponse(responseCode = "201", description = "Filed, with crossCaseMatches", content = @Content(schema = @Schema(implementation = FiledCaseDocument.class)))
    ResponseEntity<?> file(@RequestBody FilingForm form, @AuthenticationPrincipal StaffUser user) {
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        beanValidator.validate(form, result);
        if (form.getImportId() != null) {
            return fileImported(form, result, user);
        }
        if (form.getTargets().stream().anyMatch(row -> row == null)) {
            result.rejectValue("targets", "null", "A target must not be null");
            return badRequest(result);
        }
        List<NewTarget> targets = filingValidator.validateTargets(form, result);
        if (result.hasErrors()) {
            return badRequest(result);
        }
        return created(freezeCaseService.file(form, targets, user), user);
    }

    private ResponseEntity<?> fileImported(FilingForm form, BindingResult result, StaffUser user) {
        if (!form.getTargets().isEmpty()) {
            result.rejectValue("targets", "both", "Give targets or importId, not both");
        }
        Optional<TargetImport> targetImport = imports.find(form.getImportId(), user.getUsername());
        if (targetImport.isEmpty()) {
            result.rejectValue("importId", "unknown", "No import " + form.getImportId() + " of yours");
        }
        if (result.hasErrors()) {
            return badRequest(result);
        }
        try {
            return created(freezeCaseService.file(form, targetImport.get(), user), user);
        } catch (ImportNotUsableException e) {
            result.rejectValue("importId", "unusable", e.getMessage());
            return badRequest(result);
        }
    }

    /** With the filer's targets that other agencies' cases target too, so that a case system learns it at once. */
    private ResponseEntity<FiledCaseDocument> created(String reference, StaffUser user) {
        CaseView view = freezeCaseService.view(reference, user);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + reference)).body(new FiledCaseDocument(
                CaseDocument.of(view, sanctions.ofCase(view.freezeCase().id())), addressIndex.ofCase(user, view.freezeCase())));
    }

    /**
     * Checked before the body so that another agency learns nothing from the validation errors. The case's title and
     * summary are the body's too (the filing shape), so that a request reads the same wherever it was filed.
     */
    @PostMapping("/{reference}/requests")
    @Operation(summary = "File a supplementary request on a case",
            description = "New targets on an existing case, typically a lead's onward address (see leads in the case). The body "
                    + "has the filing's shape and checks; targets are typed, importId is not taken here. The request goes "
                    + "through legal review like the first one. Only the case's agency, or a partner agency of a joint case with the FILE scope "
                    + "(filed under its own legal basis and reviewed by its own legal unit); 409 once the case is closed. "
                    + "201 with the case and its Location.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = FilingForm.class),
            examples = @ExampleObject(value = """
                    {"title": "Bridge drain", "incidentSummary": "Funds drained from the bridge", "legalBasis": "PoCA s. 41",
                     "courtOrderReference": "W-2026-17", "urgency": "URGENT",
                     "targets": [{"chain": "ETH", "asset": "USDT", "address": "0x8ba1f109551bD432803012645Ac136ddd64DBA72",
                                  "amount": "all", "txHashes": "", "note": "Moved on from Example Exchange"}]}""")))
    @ApiResponse(responseCode = "201", description = "Filed, with crossCaseMatches", content = @Content(schema = @Schema(implementation = FiledCaseDocument.class)))
    ResponseEntity<?> fileSupplementary(@PathVariable String reference, @RequestBody FilingForm form,
            @AuthenticationPrincipal StaffUser user) {
        freezeCaseService.fileableCase(reference, user);
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        beanValidator.validate(form, result);
        if (form.getImportId() != null) {
            result.rejectValue("importId", "unsupported", "A supplementary request takes typed targets only");
        }
        if (form.getTargets().stream().anyMatch(row -> row == null)) {
            result.rejectValue("targets", "null", "A target must not be null");
            return badRequest(result);
        }
        List<NewTarget> targets = filingValidator.validateTargets(form, result);
        if (result.hasErrors()) {
            return badRequest(result);
        }
        freezeCaseService.fileSupplementary(reference, form, targets, user);
        return created(reference, user);
    }

    @GetMapping("/{reference}")
    @Operation(summary = "A case's state", description = "Its requests, targets with their routes, counterparty requests, totals and leads "
            + "(onward movements counterparties reported).")
    CaseDocument get(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return document(reference, user);
    }

    private static ResponseEntity<ProblemDetail> badRequest(BindingResult result) {
        return Problems.badRequest(result);
    }

    private CaseDocument document(String reference, StaffUser user) {
        CaseView view = freezeCaseService.view(reference, user);
        return CaseDocument.of(view, sanctions.ofCase(view.freezeCase().id()));
    }
}
