package org.freezedesk.cases;

import java.util.List;

import jakarta.validation.Valid;

import org.freezedesk.address.Chain;
import org.freezedesk.directory.CounterpartyRepository;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/cases")
class CaseController {

    private static final int EMPTY_TARGET_ROWS = 3;
    private static final String FORM_VIEW = "cases/form";

    private final FreezeCaseService freezeCaseService;
    private final FilingValidator filingValidator;
    private final CounterpartyRepository counterparties;

    CaseController(FreezeCaseService freezeCaseService, FilingValidator filingValidator, CounterpartyRepository counterparties) {
        this.freezeCaseService = freezeCaseService;
        this.filingValidator = filingValidator;
        this.counterparties = counterparties;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("chains", Chain.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("counterparties", counterparties.findActive());
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("cases", freezeCaseService.visibleCases(user));
        return "cases/list";
    }

    @GetMapping("/new")
    String newCase(@ModelAttribute("form") FilingForm form) {
        form.padTargets(EMPTY_TARGET_ROWS);
        return FORM_VIEW;
    }

    @PostMapping
    String file(@Valid @ModelAttribute("form") FilingForm form, BindingResult result,
            @RequestParam(name = "addRow", required = false) String addRow,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        if (addRow != null) {
            form.padTargets(form.getTargets().size() + 1);
            return FORM_VIEW;
        }
        form.dropBlankTargets();
        List<NewTarget> targets = filingValidator.validateTargets(form, result);
        if (result.hasErrors()) {
            form.padTargets(form.getTargets().size() + 1);
            return FORM_VIEW;
        }
        String reference = freezeCaseService.file(form, targets, user);
        redirect.addFlashAttribute("message", "Case " + reference + " filed and sent to legal review.");
        return "redirect:/cases/" + reference;
    }

    @GetMapping("/{reference}")
    String show(@PathVariable String reference, @AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("view", freezeCaseService.view(reference, user));
        return "cases/show";
    }

    @GetMapping("/{reference}/requests/{sequence}/amend")
    String amendForm(@PathVariable String reference, @PathVariable int sequence, @AuthenticationPrincipal StaffUser user, Model model) {
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        FreezeRequest request = freezeCaseService.request(reference, sequence, user);
        model.addAttribute("form", AmendmentForms.of(freezeCase, request, freezeCaseService.targets(request)));
        model.addAttribute("amending", request);
        model.addAttribute("freezeCase", freezeCase);
        return FORM_VIEW;
    }

    @PostMapping("/{reference}/requests/{sequence}/amend")
    String amend(@PathVariable String reference, @PathVariable int sequence,
            @Valid @ModelAttribute("form") FilingForm form, BindingResult result,
            @RequestParam(name = "addRow", required = false) String addRow,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        FreezeRequest request = freezeCaseService.request(reference, sequence, user);
        model.addAttribute("amending", request);
        model.addAttribute("freezeCase", freezeCaseService.visibleCase(reference, user));
        if (addRow != null) {
            form.padTargets(form.getTargets().size() + 1);
            return FORM_VIEW;
        }
        form.dropBlankTargets();
        List<NewTarget> targets = filingValidator.validateTargets(form, result);
        if (result.hasErrors()) {
            form.padTargets(form.getTargets().size() + 1);
            return FORM_VIEW;
        }
        freezeCaseService.amend(reference, sequence, form, targets, user);
        redirect.addFlashAttribute("message", "Request " + sequence + " amended and sent back to legal review.");
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/{reference}/requests/{sequence}/summary")
    String readSummary(@PathVariable String reference, @PathVariable int sequence, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        freezeCaseService.readSummary(reference, sequence, user);
        redirect.addFlashAttribute("message", "Summary of request " + sequence + " marked as read.");
        return "redirect:/cases/" + reference;
    }
}
