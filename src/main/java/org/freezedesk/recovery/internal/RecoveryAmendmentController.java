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

/** The filer amends a recovery instruction legal returned, and sends it back to legal review. */
@Controller
@RequestMapping("/cases/{reference}/recoveries/{id}/amendment")
class RecoveryAmendmentController {

    private static final String VIEW = "recovery/form";

    private final FreezeCaseService freezeCaseService;
    private final RecoveryRepository recoveries;
    private final InstructionValidator validator;
    private final RecoveryService recoveryService;

    RecoveryAmendmentController(FreezeCaseService freezeCaseService, RecoveryRepository recoveries, InstructionValidator validator,
            RecoveryService recoveryService) {
        this.freezeCaseService = freezeCaseService;
        this.recoveries = recoveries;
        this.validator = validator;
        this.recoveryService = recoveryService;
    }

    /** Only the filer's own returned instruction of a case they may see; anything else is not found. */
    @ModelAttribute
    void returned(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        RecoveryInstruction instruction = recoveries.forCase(freezeCase.id()).stream().filter(i -> i.id() == id).findFirst()
                .filter(i -> recoveryService.amendmentTask(i, user).isPresent())
                .orElseThrow(() -> new RecoveryNotFoundException("amendment " + id));
        model.addAttribute("freezeCase", freezeCase);
        model.addAttribute("instruction", instruction);
        model.addAttribute("holdings", recoveries.frozenHoldings(freezeCase.id()));
        model.addAttribute("instruments", Instrument.values());
        model.addAttribute("methods", RecoveryMethod.values());
    }

    @GetMapping
    String form(@ModelAttribute("instruction") RecoveryInstruction instruction, Model model) {
        InstructionForm form = new InstructionForm();
        form.setHolding(instruction.counterpartyRequestId() + ":" + instruction.targetId());
        form.setInstrument(instruction.instrument());
        form.setInstrumentReference(instruction.instrumentReference());
        form.setInstrumentDate(instruction.instrumentDate().toString());
        form.setMethod(instruction.method());
        form.setDestinationAddress(instruction.destinationAddress());
        form.setAmount(instruction.amountText());
        model.addAttribute("form", form);
        return VIEW;
    }

    @PostMapping
    String amend(@ModelAttribute("freezeCase") FreezeCase freezeCase, @ModelAttribute("instruction") RecoveryInstruction instruction,
            @Valid @ModelAttribute("form") InstructionForm form, BindingResult result, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        Optional<NewInstruction> amended = validator.validate(freezeCase.id(), form, result);
        if (amended.isEmpty()) {
            return VIEW;
        }
        recoveryService.amend(instruction, amended.get(), user);
        redirect.addFlashAttribute("message", "Recovery instruction " + instruction.id() + " amended and sent back to legal review.");
        return "redirect:/cases/" + freezeCase.reference();
    }
}
