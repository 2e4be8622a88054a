package org.freezedesk.portal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.AccessLinks;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
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
 * The counterparty's side, reached only through the link in its e-mail. It shows that counterparty's
 * own targets and nothing else; GET never changes anything.
 */
@Controller
@RequestMapping("/portal/{token}")
class PortalController {

    private static final String VIEW = "portal/request";

    private final AccessLinks accessLinks;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRequestService counterpartyRequestService;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final ResponseValidator responseValidator;

    PortalController(AccessLinks accessLinks, CounterpartyRequestRepository counterpartyRequests,
            CounterpartyRequestService counterpartyRequestService, CounterpartyRepository counterparties, CaseRepository cases,
            ResponseValidator responseValidator) {
        this.accessLinks = accessLinks;
        this.counterpartyRequests = counterpartyRequests;
        this.counterpartyRequestService = counterpartyRequestService;
        this.counterparties = counterparties;
        this.cases = cases;
        this.responseValidator = responseValidator;
    }

    /** The link is a secret: keep it out of Referer headers and caches. */
    @ModelAttribute
    void privateHeaders(@PathVariable String token, HttpServletResponse response, Model model) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("token", token);
    }

    @GetMapping
    String show(@PathVariable String token, Model model, HttpServletResponse response) {
        return accessLinks.resolve(token).map(cr -> {
            model.addAttribute("acknowledgeForm", new AcknowledgeForm());
            model.addAttribute("responseForm", prefilledResponse(cr));
            addRequest(cr, model);
            return VIEW;
        }).orElseGet(() -> invalidLink(response));
    }

    @PostMapping("/acknowledge")
    String acknowledge(@PathVariable String token, @Valid @ModelAttribute("acknowledgeForm") AcknowledgeForm form,
            BindingResult result, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CounterpartyRequest cr = accessLinks.resolve(token).orElse(null);
        if (cr == null) {
            return invalidLink(response);
        }
        if (result.hasErrors()) {
            model.addAttribute("responseForm", prefilledResponse(cr));
            addRequest(cr, model);
            return VIEW;
        }
        if (!cr.acknowledged()) {
            counterpartyRequestService.acknowledge(cr, form.getName().strip(), form.getTitle().strip(), actor(cr));
        }
        redirect.addFlashAttribute("message", "Thank you: receipt acknowledged. Please report what you froze below.");
        return "redirect:/portal/" + token;
    }

    @PostMapping("/responses")
    String respond(@PathVariable String token, @Valid @ModelAttribute("responseForm") ResponseForm form, BindingResult result,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        CounterpartyRequest cr = accessLinks.resolve(token).orElse(null);
        if (cr == null) {
            return invalidLink(response);
        }
        if (!cr.acknowledged()) {
            result.reject("notAcknowledged", "Please acknowledge receipt first");
        }
        List<NewOutcome> outcomes = responseValidator.validate(form, ownTargets(cr), result);
        if (result.hasErrors()) {
            model.addAttribute("acknowledgeForm", new AcknowledgeForm());
            addRequest(cr, model);
            return VIEW;
        }
        counterpartyRequestService.respond(cr, form.getSubmittedBy().strip(), request.getRemoteAddr(), outcomes, actor(cr));
        redirect.addFlashAttribute("message", "Thank you: your response was recorded (" + outcomes.size() + " target(s)).");
        return "redirect:/portal/" + token;
    }

    private void addRequest(CounterpartyRequest cr, Model model) {
        FreezeRequest freezeRequest = cases.request(cr.freezeRequestId());
        model.addAttribute("counterpartyRequest", cr);
        model.addAttribute("counterparty", counterparty(cr));
        model.addAttribute("freezeCase", cases.caseOfRequest(freezeRequest.id()));
        model.addAttribute("freezeRequest", freezeRequest);
        List<Target> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
        model.addAttribute("targets", targets);
        model.addAttribute("targetLines", targets.stream().collect(Collectors.toMap(Target::id, Target::lineNumber)));
        model.addAttribute("latest", counterpartyRequests.latestOutcomes(cr.id()));
        model.addAttribute("history", counterpartyRequests.history(cr.id()));
        model.addAttribute("outcomeChoices", Outcome.values());
    }

    private ResponseForm prefilledResponse(CounterpartyRequest cr) {
        Map<Long, TargetOutcome> latest = counterpartyRequests.latestOutcomes(cr.id());
        ResponseForm form = new ResponseForm();
        form.setSubmittedBy(cr.acknowledgedByName());
        for (Target target : cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId())) {
            OutcomeRow row = new OutcomeRow();
            row.setTargetId(target.id());
            TargetOutcome current = latest.get(target.id());
            if (current != null) {
                row.setOutcome(current.outcome().name());
                row.setFrozenAmount(current.frozenAmountText());
                row.setInternalReference(current.internalReference());
                row.setHeldUntil(current.heldUntil() == null ? null : current.heldUntil().toString());
                row.setOnwardTxHash(current.onwardTxHash());
                row.setOnwardAddress(current.onwardAddress());
                row.setReason(current.reason());
            }
            form.getOutcomes().add(row);
        }
        return form;
    }

    private Map<Long, Target> ownTargets(CounterpartyRequest cr) {
        return cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).stream()
                .collect(Collectors.toMap(Target::id, Function.identity()));
    }

    private Counterparty counterparty(CounterpartyRequest cr) {
        return counterparties.findById(cr.counterpartyId()).orElseThrow();
    }

    private Actor actor(CounterpartyRequest cr) {
        return Actor.counterparty(counterparty(cr).name(), cr.id());
    }

    private static String invalidLink(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/invalid";
    }
}
