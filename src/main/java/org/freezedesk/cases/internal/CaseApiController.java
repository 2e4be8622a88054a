package org.freezedesk.cases.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freezedesk.cases.CaseView;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.TargetSanctions;
import org.freezedesk.security.StaffUser;
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
class CaseApiController {

    record FieldError(String field, String message) {
    }

    private final FreezeCaseService freezeCaseService;
    private final FilingValidator filingValidator;
    private final SmartValidator beanValidator;
    private final TargetImportService imports;
    private final TargetSanctions sanctions;

    CaseApiController(FreezeCaseService freezeCaseService, FilingValidator filingValidator, SmartValidator beanValidator,
            TargetImportService imports, TargetSanctions sanctions) {
        this.imports = imports;
        this.sanctions = sanctions;
        this.freezeCaseService = freezeCaseService;
        this.filingValidator = filingValidator;
        this.beanValidator = beanValidator;
    }

    /** Targets are typed in {@code targets}, or come from a checked import named by {@code importId}. */
    @PostMapping
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

    private ResponseEntity<CaseDocument> created(String reference, StaffUser user) {
        return ResponseEntity.created(URI.create("/api/v1/cases/" + reference))
                .body(document(reference, user));
    }

    @GetMapping("/{reference}")
    CaseDocument get(@PathVariable String reference, @AuthenticationPrincipal StaffUser user) {
        return document(reference, user);
    }

    private static ResponseEntity<Map<String, List<FieldError>>> badRequest(BindingResult result) {
        return ResponseEntity.badRequest().body(Map.of("errors", result.getFieldErrors().stream()
                .map(e -> new FieldError(e.getField(), e.getDefaultMessage())).toList()));
    }

    private CaseDocument document(String reference, StaffUser user) {
        CaseView view = freezeCaseService.view(reference, user);
        return CaseDocument.of(view, sanctions.ofCase(view.freezeCase().id()));
    }
}
