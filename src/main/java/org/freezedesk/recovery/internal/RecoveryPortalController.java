package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.freezedesk.audit.Actor;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.RequestTrust;
import org.freezedesk.portal.PortalLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counterparty's side of a recovery, through the same link as its freeze request: it sees only the
 * instructions sent to it, and confirms the transfer or declines. GET never changes anything.
 */
@Controller
@RequestMapping("/portal/{token}/recoveries")
class RecoveryPortalController {

    private static final String LIST_VIEW = "recovery/portal-list";
    private static final String VIEW = "recovery/portal";
    private static final String HOLD_VIEW = "recovery/portal-hold";

    private final PortalLinks portalLinks;
    private final RecoveryRepository recoveries;
    private final RecoveryService recoveryService;
    private final TransferCheck transferCheck;
    private final FreezeHoldRepository holds;
    private final FreezeHoldService holdService;
    private final RequestTrust trust;

    RecoveryPortalController(PortalLinks portalLinks, RecoveryRepository recoveries, RecoveryService recoveryService,
            TransferCheck transferCheck, FreezeHoldRepository holds, FreezeHoldService holdService, RequestTrust trust) {
        this.trust = trust;
        this.portalLinks = portalLinks;
        this.recoveries = recoveries;
        this.recoveryService = recoveryService;
        this.transferCheck = transferCheck;
        this.holds = holds;
        this.holdService = holdService;
    }

    @ModelAttribute
    void token(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
    }

    @GetMapping
    String list(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<CounterpartyRequest> cr = portalLinks.open(token);
        if (cr.isEmpty()) {
            return invalidLink(response);
        }
        model.addAttribute("instructions", recoveries.forCounterpartyRequest(cr.get().id()));
        model.addAttribute("holds", holds.forCounterpartyRequest(cr.get().id()));
        model.addAttribute("trust", trust.of(cr.get().id()));
        return LIST_VIEW;
    }

    @GetMapping("/holds/{id}")
    String showHold(@PathVariable String token, @PathVariable long id, Model model, HttpServletResponse response) {
        Optional<FreezeHold> hold = ownHold(token, id);
        if (hold.isEmpty()) {
            return invalidLink(response);
        }
        model.addAttribute("extensionForm", new ExtensionForm());
        model.addAttribute("hold", hold.get());
        model.addAttribute("trust", trust.of(hold.get().counterpartyRequestId()));
        return HOLD_VIEW;
    }

    @PostMapping("/holds/{id}/extension")
    String extend(@PathVariable String token, @PathVariable long id, @Valid @ModelAttribute("extensionForm") ExtensionForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<FreezeHold> hold = ownHold(token, id);
        if (hold.isEmpty()) {
            return invalidLink(response);
        }
        Optional<LocalDate> heldUntil = Amounts.laterDate(form.getHeldUntil(), "heldUntil", hold.get().heldUntil(), LocalDate.now(ZoneOffset.UTC), result);
        if (result.hasErrors()) {
            model.addAttribute("hold", hold.get());
            model.addAttribute("trust", trust.of(hold.get().counterpartyRequestId()));
            return HOLD_VIEW;
        }
        holdService.extend(hold.get(), heldUntil.get(), Actor.counterparty(hold.get().counterpartyName() + ", " + form.getName().strip(),
                hold.get().counterpartyRequestId()));
        redirect.addFlashAttribute("message", "Thank you: the freeze is recorded as held until " + heldUntil.get() + ".");
        return "redirect:/portal/" + token + "/recoveries";
    }

    @GetMapping("/{id}")
    String show(@PathVariable String token, @PathVariable long id, Model model, HttpServletResponse response) {
        Optional<RecoveryInstruction> instruction = ownInstruction(token, id);
        if (instruction.isEmpty()) {
            return invalidLink(response);
        }
        TransferForm transfer = new TransferForm();
        transfer.setAmount(instruction.get().amountText());
        model.addAttribute("transferForm", transfer);
        model.addAttribute("declineForm", new DeclineForm());
        model.addAttribute("instruction", instruction.get());
        model.addAttribute("trust", trust.of(instruction.get().counterpartyRequestId()));
        return VIEW;
    }

    @PostMapping("/{id}/transfer")
    String confirm(@PathVariable String token, @PathVariable long id, @Valid @ModelAttribute("transferForm") TransferForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<RecoveryInstruction> found = ownInstruction(token, id);
        if (found.isEmpty()) {
            return invalidLink(response);
        }
        RecoveryInstruction instruction = found.get();
        Optional<TransferCheck.Transfer> transfer = transferCheck.check(instruction, form, result);
        if (transfer.isEmpty()) {
            model.addAttribute("declineForm", new DeclineForm());
            model.addAttribute("instruction", instruction);
            model.addAttribute("trust", trust.of(instruction.counterpartyRequestId()));
            return VIEW;
        }
        recoveryService.confirmTransfer(instruction, form.getName().strip(), transfer.get().txHash(), transfer.get().amount(),
                transfer.get().transferredOn(), actor(instruction));
        redirect.addFlashAttribute("message", "Thank you: the transfer of " + transfer.get().amount().stripTrailingZeros().toPlainString()
                + " " + instruction.asset() + " was recorded.");
        return "redirect:/portal/" + token + "/recoveries";
    }

    @PostMapping("/{id}/decline")
    String decline(@PathVariable String token, @PathVariable long id, @Valid @ModelAttribute("declineForm") DeclineForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<RecoveryInstruction> found = ownInstruction(token, id);
        if (found.isEmpty()) {
            return invalidLink(response);
        }
        if (result.hasErrors()) {
            TransferForm transfer = new TransferForm();
            transfer.setAmount(found.get().amountText());
            model.addAttribute("transferForm", transfer);
            model.addAttribute("instruction", found.get());
            model.addAttribute("trust", trust.of(found.get().counterpartyRequestId()));
            return VIEW;
        }
        recoveryService.decline(found.get(), form.getName().strip(), form.getReason().strip(), actor(found.get()));
        redirect.addFlashAttribute("message", "Your refusal was recorded and passed on to the agency.");
        return "redirect:/portal/" + token + "/recoveries";
    }

    /** An instruction that was sent to the counterparty this link belongs to; anything else looks like a bad link. */
    private Optional<RecoveryInstruction> ownInstruction(String token, long id) {
        return portalLinks.open(token).flatMap(cr -> recoveries.forCounterpartyRequest(cr.id()).stream()
                .filter(i -> i.id() == id).findFirst());
    }

    private Optional<FreezeHold> ownHold(String token, long id) {
        return portalLinks.open(token).flatMap(cr -> holds.forCounterpartyRequest(cr.id()).stream()
                .filter(h -> h.id() == id).findFirst());
    }

    private static Actor actor(RecoveryInstruction instruction) {
        return Actor.counterparty(instruction.counterpartyName(), instruction.counterpartyRequestId());
    }

    private static String invalidLink(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/invalid";
    }
}
