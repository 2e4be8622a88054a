package org.freezedesk.recovery.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

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

/** The filer's follow-up of an overdue transfer: give the counterparty more time, or ask legal to withdraw. */
@Controller
@RequestMapping("/cases/{reference}/recoveries/{id}/follow-up")
class RecoveryFollowUpController {

    private static final String VIEW = "recovery/follow-up";
    /** Far enough for any real extension, near enough for every database and the engine's timers. */
    private static final int MAX_EXTENSION_DAYS = 366;

    private final FreezeCaseService freezeCaseService;
    private final RecoveryRepository recoveries;
    private final RecoveryService recoveryService;

    RecoveryFollowUpController(FreezeCaseService freezeCaseService, RecoveryRepository recoveries, RecoveryService recoveryService) {
        this.freezeCaseService = freezeCaseService;
        this.recoveries = recoveries;
        this.recoveryService = recoveryService;
    }

    /** Only the filer's own overdue instruction of a case they may see; anything else is not found. */
    @ModelAttribute
    void overdue(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user, Model model) {
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        RecoveryInstruction instruction = recoveries.forCase(freezeCase.id()).stream().filter(i -> i.id() == id).findFirst()
                .filter(i -> recoveryService.followUpTask(i, user).isPresent())
                .orElseThrow(() -> new RecoveryNotFoundException("follow-up " + id));
        model.addAttribute("freezeCase", freezeCase);
        model.addAttribute("instruction", instruction);
    }

    @GetMapping
    String page(@ModelAttribute("form") RecoveryFollowUpForm form) {
        return VIEW;
    }

    @PostMapping("/deadline")
    String extend(@ModelAttribute("freezeCase") FreezeCase freezeCase, @ModelAttribute("instruction") RecoveryInstruction instruction,
            @Valid @ModelAttribute("form") RecoveryFollowUpForm form, BindingResult result, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        OffsetDateTime deadline = null;
        if (!result.hasFieldErrors("newDeadline")) {
            deadline = deadline(form.getNewDeadline(), result);
        }
        if (result.hasFieldErrors("newDeadline")) {
            return VIEW;
        }
        recoveryService.extendDeadline(instruction, deadline, user);
        redirect.addFlashAttribute("message", instruction.counterpartyName() + " now has until " + form.getNewDeadline().strip() + " UTC.");
        return "redirect:/cases/" + freezeCase.reference();
    }

    @PostMapping("/withdrawal")
    String withdraw(@ModelAttribute("freezeCase") FreezeCase freezeCase, @ModelAttribute("instruction") RecoveryInstruction instruction,
            @Valid @ModelAttribute("form") RecoveryFollowUpForm form, BindingResult result, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        if (form.getReason() == null || form.getReason().isBlank()) {
            result.rejectValue("reason", "required", "Say why, so legal can review the withdrawal");
        }
        if (result.hasFieldErrors("reason")) {
            return VIEW;
        }
        recoveryService.requestWithdrawal(instruction, form.getReason().strip(), user);
        redirect.addFlashAttribute("message", "Withdrawal of recovery instruction " + instruction.id() + " sent to legal review.");
        return "redirect:/cases/" + freezeCase.reference();
    }

    private static OffsetDateTime deadline(String text, BindingResult result) {
        if (text == null || text.isBlank()) {
            result.rejectValue("newDeadline", "required", "Enter the new deadline");
            return null;
        }
        try {
            OffsetDateTime deadline = LocalDateTime.parse(text.strip()).atOffset(ZoneOffset.UTC);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (!deadline.isAfter(now)) {
                result.rejectValue("newDeadline", "past", "The new deadline must be in the future");
            } else if (deadline.isAfter(now.plusDays(MAX_EXTENSION_DAYS))) {
                result.rejectValue("newDeadline", "tooFar", "The new deadline must be within " + MAX_EXTENSION_DAYS + " days");
            }
            return deadline;
        } catch (DateTimeParseException e) {
            result.rejectValue("newDeadline", "format", "Enter a date and time such as 2026-03-01T12:00");
            return null;
        }
    }
}
