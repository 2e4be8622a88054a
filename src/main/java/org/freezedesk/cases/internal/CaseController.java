package org.freezedesk.cases.internal;

import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.freezedesk.address.Chain;
import org.freezedesk.cases.CasePage;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.ReviewHistory;
import org.freezedesk.cases.Urgency;
import org.freezedesk.input.InputPolicy;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/cases")
class CaseController {

    static final int EMPTY_TARGET_ROWS = 3;
    static final String FORM_VIEW = "cases/form";

    private final FreezeCaseService freezeCaseService;
    private final CasePage casePage;
    private final FilingValidator filingValidator;
    private final TargetImportService imports;
    private final ReviewHistory reviewHistory;

    CaseController(FreezeCaseService freezeCaseService, CasePage casePage, FilingValidator filingValidator,
            TargetImportService imports, ReviewHistory reviewHistory) {
        this.freezeCaseService = freezeCaseService;
        this.casePage = casePage;
        this.filingValidator = filingValidator;
        this.imports = imports;
        this.reviewHistory = reviewHistory;
    }

    /**
     * The form is URL-encoded, so a file chosen but not checked arrives as its name only: it is ignored here and
     * taken only by "Check the file" (TargetImportController), which sends the form as multipart.
     */
    @InitBinder("form")
    void ignoreUncheckedFile(WebDataBinder binder) {
        binder.setDisallowedFields("file");
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("chains", Chain.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("maxImportLines", TargetImportService.MAX_LINES);
        model.addAttribute("maxFormRows", InputPolicy.MAX_FORM_ROWS);
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("cases", freezeCaseService.visibleCases(user));
        return "cases/list";
    }

    /** With {@code import}, the form comes back as it was when its CSV file was uploaded, with the file's targets. */
    @GetMapping("/new")
    String newCase(@ModelAttribute("form") FilingForm form, @RequestParam(name = "import", required = false) String importId,
            @AuthenticationPrincipal StaffUser user, Model model) {
        imports.find(importId, user.getUsername()).ifPresentOrElse(i -> attach(i, form, model),
                () -> form.padTargets(EMPTY_TARGET_ROWS));
        return FORM_VIEW;
    }

    @PostMapping
    String file(@Valid @ModelAttribute("form") FilingForm form, BindingResult result,
            @RequestParam(name = "addRow", required = false) String addRow,
            @RequestParam(name = "removeImport", required = false) String removeImport,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        if (addRow != null || removeImport != null) {
            return keepTyping(form, removeImport != null, model);
        }
        String reference;
        if (form.getImportId() != null) {
            Optional<TargetImport> targetImport = attachedImport(form, result, user, model);
            if (targetImport.isEmpty() || result.hasErrors()) {
                return FORM_VIEW;
            }
            try {
                reference = freezeCaseService.file(form, targetImport.get(), user);
            } catch (ImportNotUsableException e) {
                return detach(form, result, model, e.getMessage());
            }
        } else {
            Optional<List<NewTarget>> targets = typedTargets(form, result);
            if (targets.isEmpty()) {
                return FORM_VIEW;
            }
            reference = freezeCaseService.file(form, targets.get(), user);
        }
        redirect.addFlashAttribute("message", "Case " + reference + " filed and sent to legal review.");
        return "redirect:/cases/" + reference;
    }

    /** The investigator's work surface: what each counterparty answered per target, a page at a time, filtered. */
    @GetMapping("/{reference}")
    String show(@PathVariable String reference, @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "counterparty", required = false) String counterparty,
            @RequestParam(name = "page", required = false) String page, @AuthenticationPrincipal StaffUser user, Model model) {
        return casePage.show(reference, user, outcome, counterparty, page, model);
    }

    @GetMapping("/{reference}/requests/{sequence}/amend")
    String amendForm(@PathVariable String reference, @PathVariable int sequence,
            @RequestParam(name = "import", required = false) String importId, @AuthenticationPrincipal StaffUser user, Model model) {
        FreezeRequest request = freezeCaseService.changeableRequest(reference, sequence, user);
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        FilingForm form = AmendmentForms.of(freezeCase, request, freezeCaseService.targets(request));
        imports.find(importId, user.getUsername()).ifPresent(i -> attach(i, form, model));
        model.addAttribute("form", form);
        model.addAttribute("amending", request);
        model.addAttribute("reviewComments", reviewHistory.of(request.id()));
        model.addAttribute("freezeCase", freezeCase);
        return FORM_VIEW;
    }

    @PostMapping("/{reference}/requests/{sequence}/amend")
    String amend(@PathVariable String reference, @PathVariable int sequence,
            @Valid @ModelAttribute("form") FilingForm form, BindingResult result,
            @RequestParam(name = "addRow", required = false) String addRow,
            @RequestParam(name = "removeImport", required = false) String removeImport,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        FreezeRequest request = freezeCaseService.changeableRequest(reference, sequence, user);
        model.addAttribute("amending", request);
        model.addAttribute("reviewComments", reviewHistory.of(request.id()));
        model.addAttribute("freezeCase", freezeCaseService.visibleCase(reference, user));
        if (addRow != null || removeImport != null) {
            return keepTyping(form, removeImport != null, model);
        }
        List<String> dropped;
        if (form.getImportId() != null) {
            Optional<TargetImport> targetImport = attachedImport(form, result, user, model);
            if (targetImport.isEmpty() || result.hasErrors()) {
                return FORM_VIEW;
            }
            try {
                dropped = freezeCaseService.amend(reference, sequence, form, targetImport.get(), user);
            } catch (ImportNotUsableException e) {
                return detach(form, result, model, e.getMessage());
            }
        } else {
            Optional<List<NewTarget>> targets = typedTargets(form, result);
            if (targets.isEmpty()) {
                return FORM_VIEW;
            }
            dropped = freezeCaseService.amend(reference, sequence, form, targets.get(), user);
        }
        redirect.addFlashAttribute("message", "Request " + sequence + " amended and sent back to legal review."
                + (dropped.isEmpty() ? "" : " Route overrides dropped because their target changed or was removed: "
                + String.join("; ", dropped) + "."));
        return "redirect:/cases/" + reference;
    }

    @GetMapping("/{reference}/supplementary")
    String supplementaryForm(@PathVariable String reference, @RequestParam(name = "lead", required = false) List<Long> leads,
            @AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("form", freezeCaseService.supplementaryForm(reference, leads == null ? List.of() : leads, user));
        model.addAttribute("supplementing", freezeCaseService.fileableCase(reference, user));
        return FORM_VIEW;
    }

    @PostMapping("/{reference}/supplementary")
    String fileSupplementary(@PathVariable String reference, @Valid @ModelAttribute("form") FilingForm form, BindingResult result,
            @RequestParam(name = "addRow", required = false) String addRow,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        model.addAttribute("supplementing", freezeCaseService.fileableCase(reference, user));
        if (addRow != null) {
            return keepTyping(form, false, model);
        }
        Optional<List<NewTarget>> targets = typedTargets(form, result);
        if (targets.isEmpty()) {
            return FORM_VIEW;
        }
        int sequence = freezeCaseService.fileSupplementary(reference, form, targets.get(), user);
        redirect.addFlashAttribute("message", "Supplementary request " + sequence + " filed and sent to legal review.");
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/{reference}/requests/{sequence}/summary")
    String readSummary(@PathVariable String reference, @PathVariable int sequence, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        freezeCaseService.readSummary(reference, sequence, user);
        redirect.addFlashAttribute("message", "Summary of request " + sequence + " marked as read.");
        return "redirect:/cases/" + reference;
    }

    /** The typed targets when every row is valid; otherwise the errors stay on the form, with a row to go on typing. */
    private Optional<List<NewTarget>> typedTargets(FilingForm form, BindingResult result) {
        form.dropBlankTargets();
        if (form.hasPastedLines()) {
            // Filing them unchecked would file the typed rows alone and drop the pasted lines without a word.
            result.rejectValue("pastedLines", "unchecked", "Check the pasted lines first, or empty the box to file the typed rows");
        }
        List<NewTarget> targets = filingValidator.validateTargets(form, result);
        if (result.hasErrors()) {
            form.padTargets(form.getTargets().size() + 1);
            return Optional.empty();
        }
        return Optional.of(targets);
    }

    /**
     * Another row, or the typed targets instead of the file: nothing was submitted for filing yet, so the form comes
     * back as typed without the errors of a check that only filing makes.
     */
    private static String keepTyping(FilingForm form, boolean removeImport, Model model) {
        BindingResult result = new BeanPropertyBindingResult(form, "form");
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", result);
        if (removeImport) {
            form.setImportId(null);
            form.padTargets(EMPTY_TARGET_ROWS);
        } else if (form.getTargets().size() >= InputPolicy.MAX_FORM_ROWS) {
            result.rejectValue("targets", "rows", "The form holds at most " + InputPolicy.MAX_FORM_ROWS
                    + " targets; file these and add more in a supplementary request, or import them from a CSV file");
        } else {
            form.padTargets(form.getTargets().size() + 1);
        }
        return FORM_VIEW;
    }

    /** The draft typed before the upload comes back; a file without errors becomes the targets. */
    private static void attach(TargetImport targetImport, FilingForm form, Model model) {
        FilingDraft.fromJson(targetImport.draft()).ifPresent(draft -> draft.applyTo(form));
        model.addAttribute("targetImport", targetImport);
        if (targetImport.usable()) {
            form.setImportId(targetImport.id());
            form.getTargets().clear();
        } else {
            form.padTargets(EMPTY_TARGET_ROWS);
        }
    }

    private Optional<TargetImport> attachedImport(FilingForm form, BindingResult result, StaffUser user, Model model) {
        Optional<TargetImport> targetImport = imports.find(form.getImportId(), user.getUsername());
        if (targetImport.isEmpty()) {
            detach(form, result, model, "The checked file is no longer available; choose it again");
        } else {
            model.addAttribute("targetImport", targetImport.get());
        }
        return targetImport;
    }

    private static String detach(FilingForm form, BindingResult result, Model model, String message) {
        form.setImportId(null);
        model.addAttribute("targetImport", null);
        result.rejectValue("file", "import", message);
        form.padTargets(EMPTY_TARGET_ROWS);
        return FORM_VIEW;
    }
}
