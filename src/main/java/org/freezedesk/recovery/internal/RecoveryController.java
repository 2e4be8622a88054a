package org.freezedesk.recovery.internal;

import java.util.Optional;

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

/** The agency files recovery instructions for funds its counterparties froze. */
@Controller
@RequestMapping("/cases/{reference}/recoveries")
class RecoveryController {

    private static final String FORM_VIEW = "recovery/form";

    private final FreezeCaseService freezeCaseService;
    private final RecoveryRepository recoveries;
    private final InstructionValidator validator;
    private final RecoveryService recoveryService;

    RecoveryController(FreezeCaseService freezeCaseService, RecoveryRepository recoveries, InstructionValidator validator,
            RecoveryService recoveryService) {
        this.freezeCaseService = freezeCaseService;
        this.recoveries = recoveries;
        this.validator = validator;
        this.recoveryService = recoveryService;
    }

    @ModelAttribute
    void choices(@PathVariable String reference, @AuthenticationPrincipal StaffUser user, Model model) {
        FreezeCase freezeCase = freezeCaseService.changeableCase(reference, user);
        model.addAttribute("freezeCase", freezeCase);
        model.addAttribute("holdings", recoveries.frozenHoldings(freezeCase.id()));
        model.addAttribute("instruments", Instrument.values());
        model.addAttribute("methods", RecoveryMethod.values());
    }

    @GetMapping("/new")
    String form(@ModelAttribute("form") InstructionForm form) {
        return FORM_VIEW;
    }

    @PostMapping
    String file(@ModelAttribute("freezeCase") FreezeCase freezeCase, @Valid @ModelAttribute("form") InstructionForm form,
            BindingResult result, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        Optional<NewInstruction> instruction = validator.validate(freezeCase.id(), form, result);
        if (instruction.isEmpty()) {
            return FORM_VIEW;
        }
        long id = recoveryService.file(freezeCase, instruction.get(), user);
        redirect.addFlashAttribute("message", "Recovery instruction " + id + " filed and sent to legal review.");
        return "redirect:/cases/" + freezeCase.reference();
    }
}
