package org.freezedesk.cases.internal;

import org.freezedesk.cases.CasePartner;
import org.freezedesk.cases.JointCases;
import org.freezedesk.cases.PartnerRefusedException;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An agency's invitations into other agencies' cases. Before accepting, the invited agency sees who invites it, under
 * which agreement and with what scope, but nothing of the case.
 */
@Controller
@RequestMapping("/invitations")
class InvitationController {

    private final JointCases jointCases;

    InvitationController(JointCases jointCases) {
        this.jointCases = jointCases;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("invitations", jointCases.invitations(user));
        return "cases/partners/invitations";
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        try {
            CasePartner partner = jointCases.accept(id, user);
            redirect.addFlashAttribute("message", "Your agency is now a partner of " + partner.caseReference() + ".");
            return "redirect:/cases/" + partner.caseReference();
        } catch (PartnerRefusedException e) {
            redirect.addFlashAttribute("message", "Not accepted: " + e.getMessage());
            return "redirect:/invitations";
        }
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect) {
        try {
            CasePartner partner = jointCases.decline(id, user);
            redirect.addFlashAttribute("message", "Invitation into " + partner.caseReference() + " declined.");
        } catch (PartnerRefusedException e) {
            redirect.addFlashAttribute("message", "Not declined: " + e.getMessage());
        }
        return "redirect:/invitations";
    }
}
