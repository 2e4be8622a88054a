package org.freezedesk.cases.internal;

import java.util.function.Supplier;

import jakarta.validation.Valid;

import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.JointCases;
import org.freezedesk.cases.PartnerRefusedException;
import org.freezedesk.cases.PartnerScope;
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

/**
 * The lead agency's side of a joint case: invite a partner (the address index links here with the agency chosen),
 * change its scope, remove it; and a partner's way out.
 */
@Controller
@RequestMapping("/cases/{reference}/partners")
class JointCaseController {

    static final String FORM_VIEW = "cases/partners/new";

    private final JointCases jointCases;
    private final CasePermissions permissions;

    JointCaseController(JointCases jointCases, CasePermissions permissions) {
        this.jointCases = jointCases;
        this.permissions = permissions;
    }

    /** {@code agency} preselects the agency, when the registry offers it; anything else is ignored, not refused. */
    @GetMapping("/new")
    String newInvitation(@PathVariable String reference, @RequestParam(name = "agency", required = false) String agency,
            @AuthenticationPrincipal StaffUser user, Model model) {
        FreezeCase freezeCase = permissions.changeable(reference, user);
        PartnerForm form = new PartnerForm();
        if (jointCases.invitableAgencies(freezeCase).contains(agency)) {
            form.setAgency(agency);
        }
        model.addAttribute("form", form);
        return form(freezeCase, model);
    }

    @PostMapping
    String invite(@PathVariable String reference, @Valid @ModelAttribute("form") PartnerForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect) {
        FreezeCase freezeCase = permissions.changeable(reference, user);
        if (result.hasErrors()) {
            return form(freezeCase, model);
        }
        try {
            jointCases.invite(reference, form.getAgency(), form.getAgreement(), form.getScope(), user);
        } catch (PartnerRefusedException e) {
            if (e.field() == null) {
                result.reject("refused", e.getMessage());
            } else {
                result.rejectValue(e.field(), "refused", e.getMessage());
            }
            return form(freezeCase, model);
        }
        redirect.addFlashAttribute("message", form.getAgency().strip() + " is invited; it joins the case when one of its investigators accepts.");
        return "redirect:/cases/" + reference + "#partners";
    }

    @PostMapping("/{id}/scope")
    String changeScope(@PathVariable String reference, @PathVariable long id, @RequestParam(name = "scope", required = false) String scope,
            @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        PartnerScope chosen = scope(scope);
        redirect.addFlashAttribute("message", outcome(() -> jointCases.changeScope(reference, id, chosen, user).agency()
                + " may now " + (chosen == PartnerScope.FILE ? "read the case and file its own requests." : "read the case.")));
        return "redirect:/cases/" + reference + "#partners";
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", outcome(() -> jointCases.remove(reference, id, user).agency()
                + " is removed from the case and reads nothing of it any more."));
        return "redirect:/cases/" + reference + "#partners";
    }

    @PostMapping("/leave")
    String leave(@PathVariable String reference, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", outcome(() -> {
            jointCases.leave(reference, user);
            return "Your agency has left " + reference + ".";
        }));
        return "redirect:/cases";
    }

    private String form(FreezeCase freezeCase, Model model) {
        model.addAttribute("freezeCase", freezeCase);
        model.addAttribute("agencies", jointCases.invitableAgencies(freezeCase));
        model.addAttribute("scopes", PartnerScope.values());
        return FORM_VIEW;
    }

    /** A scope the form did not offer is refused by the service, naming the field. */
    private static PartnerScope scope(String value) {
        for (PartnerScope s : PartnerScope.values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        return null;
    }

    /** The message for the page: what happened, or why it was refused (answered meanwhile, scope missing). */
    private static String outcome(Supplier<String> change) {
        try {
            return change.get();
        } catch (PartnerRefusedException e) {
            return "Not changed: " + e.getMessage();
        }
    }
}
