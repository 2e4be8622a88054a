package org.freezedesk.cases.internal;

import java.util.Optional;

import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The address index's pages: asking to join a matched case, one's asks, and the case agency's answers and setting. */
@Controller
class AddressIndexController {

    static final String ASK_VIEW = "cases/address-index-ask";
    static final String ASKS_VIEW = "cases/address-index-asks";

    private final AddressIndex index;

    AddressIndexController(AddressIndex index) {
        this.index = index;
    }

    @GetMapping("/address-index/asks")
    String asks(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("asks", index.asksVisibleTo(user));
        return ASKS_VIEW;
    }

    /** Opened from a match: the account and the handle come in the link, the reason is typed here. */
    @GetMapping("/address-index/asks/new")
    String askForm(@ModelAttribute("form") AskForm form) {
        return ASK_VIEW;
    }

    @PostMapping("/address-index/asks")
    String ask(@ModelAttribute("form") AskForm form, BindingResult result, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        Optional<IndexedAddress> about = index.indexed(form.getChain(), form.getAddress(), null);
        if (about.isEmpty()) {
            result.rejectValue("address", "invalid", "Give the chain and address you matched on");
        }
        String handle = form.getMatch() == null ? "" : form.getMatch().strip();
        if (handle.isEmpty() || handle.length() > AddressIndex.HANDLE_LENGTH) {
            result.rejectValue("match", "invalid", "Open this form from a match on your filing or case page");
        }
        String reason = form.getReason() == null ? "" : form.getReason().strip();
        if (reason.isEmpty()) {
            result.rejectValue("reason", "required", "Say why your agency should join");
        } else if (reason.length() > AddressIndex.MAX_REASON) {
            result.rejectValue("reason", "length", "At most " + AddressIndex.MAX_REASON + " characters (" + reason.length() + " typed)");
        }
        if (result.hasErrors()) {
            return ASK_VIEW;
        }
        AddressIndex.AskResult asked = index.ask(user, about.get(), handle, reason);
        if (asked.unknownMatch()) {
            result.reject("unknownMatch", "No case matched on this address holds it any more; check the address again");
            return ASK_VIEW;
        }
        redirect.addFlashAttribute("message", asked.created()
                ? "Your ask to join was sent to " + asked.ask().leadAgency() + "."
                : "Your agency already asked " + asked.ask().leadAgency() + " to join that case; the ask is "
                        + asked.ask().state().name().toLowerCase(java.util.Locale.ROOT) + ".");
        return "redirect:/address-index/asks";
    }

    @PostMapping("/cases/{reference}/join-asks/{id}/decline")
    String decline(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        boolean declined = index.decline(reference, id, user);
        redirect.addFlashAttribute("message", declined ? "Ask to join declined." : "That ask was already answered.");
        return "redirect:/cases/" + reference + "#address-index";
    }

    @PostMapping("/cases/{reference}/discovery")
    String discovery(@PathVariable String reference, @RequestParam(name = "undiscoverable", defaultValue = "false") boolean undiscoverable,
            @RequestParam(name = "covert", defaultValue = "false") boolean covert, @AuthenticationPrincipal StaffUser user,
            RedirectAttributes redirect) {
        index.setDiscovery(reference, undiscoverable, covert, user);
        redirect.addFlashAttribute("message", undiscoverable || covert
                ? "Other agencies no longer learn that this case targets its addresses."
                : "Other agencies filing the same addresses see this case's agency and the state of its targets, and may ask to join.");
        return "redirect:/cases/" + reference + "#address-index";
    }
}
