package org.freezedesk.counterpartyrequest.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.Valid;

import org.freezedesk.cases.CasePage;
import org.freezedesk.input.InputPolicy;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agency's actions on one counterparty request, posted from the case page. A refused form shows the case
 * page again with the errors next to the fields of that counterparty's follow-up, and what was typed.
 */
@Controller
@RequestMapping("/cases/{reference}/counterparty-requests/{id}")
class FollowUpController {

    private final FollowUpService followUps;
    private final CasePage casePage;

    FollowUpController(FollowUpService followUps, CasePage casePage) {
        this.followUps = followUps;
        this.casePage = casePage;
    }

    /**
     * Every action here changes the counterparty request: a user who may not (only the agency that filed its freeze
     * request, or the case's lead) is refused before any form is read back to it.
     */
    @ModelAttribute
    void mayFollowUp(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        followUps.ofCase(reference, id, user);
    }

    @PostMapping("/link/revoke")
    String revokeLink(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        followUps.revokeLink(reference, id, user);
        redirect.addFlashAttribute("message", "Link revoked: it no longer opens the request. The counterparty's registered "
                + "contacts can ask for a new one.");
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/resend")
    String resend(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        return done(reference, redirect, () -> followUps.resend(reference, id, user),
                "The request is being sent again, with a new link.");
    }

    @PostMapping("/contacts")
    String recordContact(@PathVariable String reference, @PathVariable long id, @Valid @ModelAttribute("contactForm") ContactForm form,
            BindingResult result, @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return refused(reference, id, result, user, model);
        }
        return done(reference, redirect, () -> followUps.recordContact(reference, id, form.getChannel(), form.getNote().strip(), user),
                "Contact recorded. The follow-up stays open until the counterparty answers or you extend the deadline.");
    }

    @PostMapping("/deadline")
    String extendDeadline(@PathVariable String reference, @PathVariable long id, @Valid @ModelAttribute("deadlineForm") DeadlineForm form,
            BindingResult result, @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        OffsetDateTime deadline = null;
        if (!result.hasErrors()) {
            try {
                deadline = LocalDateTime.parse(form.getNewDeadline().strip()).atOffset(ZoneOffset.UTC);
                if (!deadline.isAfter(OffsetDateTime.now(ZoneOffset.UTC))) {
                    result.rejectValue("newDeadline", "past", "The new deadline must be in the future");
                } else {
                    InputPolicy.dateOutOfRange(deadline.toLocalDate(), LocalDate.now(ZoneOffset.UTC))
                            .ifPresent(problem -> result.rejectValue("newDeadline", "range", problem));
                }
            } catch (DateTimeParseException e) {
                result.rejectValue("newDeadline", "format", "Enter a date and time such as 2026-05-04T18:00");
            }
        }
        if (result.hasErrors()) {
            return refused(reference, id, result, user, model);
        }
        OffsetDateTime newDeadline = deadline;
        return done(reference, redirect, () -> followUps.extendDeadline(reference, id, newDeadline, user),
                "Deadline extended; waiting for the counterparty again.");
    }

    private static String done(String reference, RedirectAttributes redirect, Runnable action, String message) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (FollowUpNotOpenException e) {
            redirect.addFlashAttribute("message", "That follow-up is no longer waiting for you: it was done already, "
                    + "or the counterparty answered in the meantime.");
        }
        return "redirect:/cases/" + reference;
    }

    private String refused(String reference, long id, BindingResult result, StaffUser user, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), e.getDefaultMessage()));
        model.addAttribute("followUpFailed", id);
        model.addAttribute("followUpErrors", errors);
        return casePage.show(reference, user, model);
    }
}
