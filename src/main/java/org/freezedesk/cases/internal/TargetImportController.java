package org.freezedesk.cases.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.freezedesk.address.Chain;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Urgency;
import org.freezedesk.input.InputPolicy;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV upload of the filing and amendment forms, and the page that shows the check's progress and then its
 * preview. The page refreshes itself while the check runs, so no script is needed.
 */
@Controller
@RequestMapping("/cases")
class TargetImportController {

    static final int LINES_PER_PAGE = 500;
    /** What the preview and the form call pasted lines, where they name a file. */
    static final String PASTED_NAME = "pasted lines";
    private static final int PROBLEMS_SHOWN = 1000;

    private final TargetImportService imports;
    private final FreezeCaseService freezeCaseService;
    private final CaseRepository cases;

    TargetImportController(TargetImportService imports, FreezeCaseService freezeCaseService, CaseRepository cases) {
        this.imports = imports;
        this.freezeCaseService = freezeCaseService;
        this.cases = cases;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("chains", Chain.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("maxImportLines", TargetImportService.MAX_LINES);
        model.addAttribute("maxFormRows", InputPolicy.MAX_FORM_ROWS);
    }

    @PostMapping("/imports")
    String uploadForNewCase(@ModelAttribute("form") FilingForm form, BindingResult result, @AuthenticationPrincipal StaffUser user)
            throws IOException {
        return upload(form, result, user, null, null);
    }

    @PostMapping("/{reference}/requests/{sequence}/imports")
    String uploadForAmendment(@PathVariable String reference, @PathVariable int sequence, @ModelAttribute("form") FilingForm form,
            BindingResult result, @AuthenticationPrincipal StaffUser user, Model model) throws IOException {
        FreezeRequest request = freezeCaseService.changeableRequest(reference, sequence, user);
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        model.addAttribute("amending", request);
        model.addAttribute("freezeCase", freezeCase);
        return upload(form, result, user, freezeCase, request);
    }

    private String upload(FilingForm form, BindingResult result, StaffUser user, FreezeCase freezeCase, FreezeRequest request)
            throws IOException {
        MultipartFile file = form.getFile();
        boolean fileChosen = file != null && !file.isEmpty();
        if (!fileChosen && !form.hasPastedLines()) {
            result.rejectValue("file", "required", "Choose a CSV file of targets, or paste its lines below");
            form.padTargets(CaseController.EMPTY_TARGET_ROWS);
            return CaseController.FORM_VIEW;
        }
        // The pasted lines go through the very check and preview a file does, as a file of that text.
        String field = fileChosen ? "file" : "pastedLines";
        try {
            String id = fileChosen
                    ? imports.upload(user.getUsername(), freezeCase, request, file.getOriginalFilename(), file.getBytes(), FilingDraft.json(form))
                    : imports.upload(user.getUsername(), freezeCase, request, PASTED_NAME, form.getPastedLines().getBytes(StandardCharsets.UTF_8),
                            FilingDraft.json(form));
            return "redirect:/cases/imports/" + id;
        } catch (ImportRefusedException e) {
            result.rejectValue(field, "refused", e.getMessage());
            form.padTargets(CaseController.EMPTY_TARGET_ROWS);
            return CaseController.FORM_VIEW;
        }
    }

    @GetMapping("/imports/{id}")
    String show(@PathVariable String id, @RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal StaffUser user,
            Model model) {
        TargetImport targetImport = imports.find(id, user.getUsername()).orElseThrow(() -> new ImportNotFoundException(id));
        model.addAttribute("targetImport", targetImport);
        model.addAttribute("formUrl", formUrl(targetImport));
        if (targetImport.checking()) {
            model.addAttribute("refreshSeconds", 1);
            return "cases/import";
        }
        if (targetImport.state() == ImportState.READY || targetImport.state() == ImportState.SAVED) {
            int pages = Math.max(1, (targetImport.totalLines() + LINES_PER_PAGE - 1) / LINES_PER_PAGE);
            int shown = Math.min(Math.max(page, 1), pages);
            model.addAttribute("problems", imports.problems(targetImport, PROBLEMS_SHOWN));
            model.addAttribute("problemsShown", PROBLEMS_SHOWN);
            model.addAttribute("groups", imports.groups(targetImport));
            model.addAttribute("lines", imports.lines(targetImport, (shown - 1) * LINES_PER_PAGE, LINES_PER_PAGE));
            model.addAttribute("page", shown);
            model.addAttribute("pages", pages);
        }
        return "cases/import";
    }

    /** Back to the form the file was chosen in. */
    private String formUrl(TargetImport targetImport) {
        if (targetImport.caseId() == null) {
            return "/cases/new?import=" + targetImport.id();
        }
        String reference = cases.findCase(targetImport.caseId()).orElseThrow().reference();
        return "/cases/" + reference + "/requests/" + targetImport.requestSequence() + "/amend?import=" + targetImport.id();
    }
}
