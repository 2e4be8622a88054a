package org.freezedesk.recovery.internal;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The agency's answer to a lapse warning: ask the counterparty to extend the freeze. */
@Controller
class FreezeHoldController {

    private final FreezeCaseService freezeCaseService;
    private final FreezeHoldRepository holds;
    private final FreezeHoldService holdService;

    FreezeHoldController(FreezeCaseService freezeCaseService, FreezeHoldRepository holds, FreezeHoldService holdService) {
        this.freezeCaseService = freezeCaseService;
        this.holds = holds;
        this.holdService = holdService;
    }

    @PostMapping("/cases/{reference}/holds/{id}/extension-request")
    String requestExtension(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        FreezeCase freezeCase = freezeCaseService.changeableCase(reference, user);
        FreezeHold hold = holds.forCase(freezeCase.id()).stream().filter(h -> h.id() == id).findFirst()
                .orElseThrow(() -> new RecoveryNotFoundException("freeze hold " + id));
        holdService.requestExtension(hold, user);
        redirect.addFlashAttribute("message", hold.counterpartyName() + " is asked to extend the freeze held until " + hold.heldUntil() + ".");
        return "redirect:/cases/" + reference;
    }
}
