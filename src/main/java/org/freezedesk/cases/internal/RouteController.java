package org.freezedesk.cases.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
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

/** The filer overrides where one target goes, with a reason, until legal review approves its request. */
@Controller
@RequestMapping("/cases/{reference}/requests/{sequence}/targets/{line}/route")
class RouteController {

    private static final String VIEW = "cases/route";

    private final FreezeCaseService freezeCaseService;
    private final CounterpartyRepository counterparties;

    RouteController(FreezeCaseService freezeCaseService, CounterpartyRepository counterparties) {
        this.freezeCaseService = freezeCaseService;
        this.counterparties = counterparties;
    }

    @GetMapping
    String form(@PathVariable String reference, @PathVariable int sequence, @PathVariable int line,
            @AuthenticationPrincipal StaffUser user, Model model) {
        Target target = addTarget(reference, sequence, line, user, model);
        RouteOverrideForm form = new RouteOverrideForm();
        form.setCounterpartyIds(freezeCaseService.routes(target).stream().map(TargetRoute::counterpartyId)
                .collect(Collectors.toCollection(LinkedHashSet::new)));
        model.addAttribute("form", form);
        return VIEW;
    }

    @PostMapping
    String override(@PathVariable String reference, @PathVariable int sequence, @PathVariable int line,
            @Valid @ModelAttribute("form") RouteOverrideForm form, BindingResult result, @AuthenticationPrincipal StaffUser user,
            Model model, RedirectAttributes redirect) {
        Target target = addTarget(reference, sequence, line, user, model);
        Set<Long> active = counterparties.findActive().stream().map(Counterparty::id).collect(Collectors.toSet());
        if (!active.containsAll(form.getCounterpartyIds())) {
            result.rejectValue("counterpartyIds", "unknown", "Choose among the active counterparties listed");
        }
        Set<Long> current = freezeCaseService.routes(target).stream().map(TargetRoute::counterpartyId).collect(Collectors.toSet());
        if (current.equals(form.getCounterpartyIds())) {
            result.rejectValue("counterpartyIds", "unchanged", "These are the counterparties it goes to already; tick or untick one");
        }
        if (result.hasErrors()) {
            return VIEW;
        }
        freezeCaseService.overrideRoute(reference, sequence, line, form.getCounterpartyIds(), form.getReason(), user);
        redirect.addFlashAttribute("message", "Line " + line + " of request " + sequence + " now goes to "
                + (form.getCounterpartyIds().isEmpty() ? "nobody (unattributed)" : form.getCounterpartyIds().size() + " counterparty(ies)")
                + "; the reason is recorded.");
        return "redirect:/cases/" + reference;
    }

    private Target addTarget(String reference, int sequence, int line, StaffUser user, Model model) {
        FreezeRequest request = freezeCaseService.changeableRequest(reference, sequence, user);
        Target target = freezeCaseService.target(request, line);
        model.addAttribute("reference", reference);
        model.addAttribute("request", request);
        model.addAttribute("target", target);
        model.addAttribute("routes", freezeCaseService.routes(target));
        model.addAttribute("counterparties", counterparties.findActive());
        return target;
    }
}
