package org.freezedesk.recovery.internal;

import jakarta.validation.Valid;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency closes a case with a closing summary, next to the figures it summarises. */
@Controller
@RequestMapping("/cases/{reference}/closure")
class CaseClosureController {

    private static final String VIEW = "recovery/closure";

    private final FreezeCaseService freezeCaseService;
    private final CaseClosureService closureService;
    private final RecoveryViews recoveryViews;

    CaseClosureController(FreezeCaseService freezeCaseService, CaseClosureService closureService, RecoveryViews recoveryViews) {
        this.freezeCaseService = freezeCaseService;
        this.closureService = closureService;
        this.recoveryViews = recoveryViews;
    }

    @ModelAttribute
    void caseFigures(@PathVariable String reference, @AuthenticationPrincipal StaffUser user, Model model) {
        FreezeCase freezeCase = freezeCaseService.changeableCase(reference, user);
        model.addAttribute("freezeCase", freezeCase);
        model.addAttribute("view", freezeCaseService.view(reference, user));
        model.addAttribute("obstacles", closureService.obstacles(freezeCase));
        model.addAttribute("recovered", recoveryViews.recoveredByAsset(freezeCase.id()));
    }

    @GetMapping
    String form(@ModelAttribute("form") ClosureForm form) {
        return VIEW;
    }

    @PostMapping
    String close(@ModelAttribute("freezeCase") FreezeCase freezeCase, @Valid @ModelAttribute("form") ClosureForm form,
            BindingResult result, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            closureService.close(freezeCase, form.getSummary().strip(), user);
        } catch (CaseNotClosableException e) {
            e.obstacles().forEach(o -> result.reject("notClosable", o));
            return VIEW;
        }
        redirect.addFlashAttribute("message", "Case " + freezeCase.reference() + " closed.");
        return "redirect:/cases/" + freezeCase.reference();
    }
}
