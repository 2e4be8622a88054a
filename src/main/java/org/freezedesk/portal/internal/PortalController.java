package org.freezedesk.portal.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.AskingAgency;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.RequestTrust;
import org.freezedesk.counterpartyrequest.Draft;
import org.freezedesk.counterpartyrequest.LinkRenewals;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.OtherRequests;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.directory.AssetPrecision;
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
 * The counterparty's side, reached only through the link in its e-mail. It shows that counterparty's own
 * targets and nothing else; GET never changes anything. A link that expired, was replaced or was revoked
 * leads to a page where the contact asks for a fresh one.
 */
@Controller
@RequestMapping("/portal/{token}")
class PortalController {

    private static final String VIEW = "portal/request";
    private static final String RENEWAL_VIEW = "portal/renewal";

    private final PortalAccess access;
    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRequestService counterpartyRequestService;
    private final LinkRenewals linkRenewals;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final ResponseValidator responseValidator;
    private final ResponseDrafts drafts;
    private final AssetPrecision precision;
    private final RequestTrust trust;
    private final OtherRequests otherRequests;
    private final AskingAgency askingAgency;

    PortalController(PortalAccess access, CounterpartyRequestRepository counterpartyRequests,
            CounterpartyRequestService counterpartyRequestService, LinkRenewals linkRenewals, CounterpartyRepository counterparties,
            CaseRepository cases, ResponseValidator responseValidator, ResponseDrafts drafts, AssetPrecision precision, RequestTrust trust,
            OtherRequests otherRequests, AskingAgency askingAgency) {
        this.access = access;
        this.otherRequests = otherRequests;
        this.askingAgency = askingAgency;
        this.trust = trust;
        this.counterpartyRequests = counterpartyRequests;
        this.counterpartyRequestService = counterpartyRequestService;
        this.linkRenewals = linkRenewals;
        this.counterparties = counterparties;
        this.cases = cases;
        this.responseValidator = responseValidator;
        this.drafts = drafts;
        this.precision = precision;
    }

    @ModelAttribute
    void token(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
    }

    @GetMapping
    String show(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        return withOpenLink(token, model, request, response, cr -> {
            Optional<Draft> draft = counterpartyRequests.draft(cr.id());
            model.addAttribute("acknowledgeForm", new AcknowledgeForm());
            model.addAttribute("responseForm", prefilledResponse(cr, draft.flatMap(drafts::read)));
            model.addAttribute("draftSavedAt", draft.map(Draft::savedAt).orElse(null));
            addRequest(cr, model);
            return VIEW;
        });
    }

    /** For a withdrawn request: the counterparty confirms, per target, that it lifted the freeze. */
    @PostMapping("/releases")
    String confirmRelease(@PathVariable String token, @Valid @ModelAttribute("releaseForm") ReleaseForm form, BindingResult result,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return withOpenLink(token, model, request, response, cr -> {
            List<Long> released = responseValidator.validateRelease(form, ownTargets(cr), result);
            responseValidator.requireDoNotNotifyConfirmation(cases.request(cr.freezeRequestId()), form.isDoNotNotifyConfirmed(), result);
            if (result.hasErrors()) {
                model.addAttribute("acknowledgeForm", new AcknowledgeForm());
                model.addAttribute("responseForm", prefilledResponse(cr, Optional.empty()));
                addRequest(cr, model);
                return VIEW;
            }
            counterpartyRequestService.confirmRelease(cr, form.getSubmittedBy().strip(), request.getRemoteAddr(), released,
                    form.isDoNotNotifyConfirmed(), actor(cr));
            redirect.addFlashAttribute("message", "Thank you: the release of " + released.size() + " address(es) was recorded.");
            return "redirect:/portal/" + token;
        });
    }

    @PostMapping("/acknowledge")
    String acknowledge(@PathVariable String token, @Valid @ModelAttribute("acknowledgeForm") AcknowledgeForm form,
            BindingResult result, Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return withOpenLink(token, model, request, response, cr -> {
            if (result.hasErrors()) {
                model.addAttribute("responseForm", prefilledResponse(cr, Optional.empty()));
                addRequest(cr, model);
                return VIEW;
            }
            counterpartyRequestService.acknowledge(cr, form.getName().strip(), form.getTitle().strip(), actor(cr));
            redirect.addFlashAttribute("message", "Thank you: receipt acknowledged. Please report what you froze below.");
            return "redirect:/portal/" + token;
        });
    }

    @PostMapping("/responses")
    String respond(@PathVariable String token, @Valid @ModelAttribute("responseForm") ResponseForm form, BindingResult result,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return withOpenLink(token, model, request, response, cr -> {
            counterpartyRequestService.refuseIfWithdrawn(cr);
            String acknowledgingTitle = responseValidator.acknowledgingTitle(form, cr, null, result);
            List<NewOutcome> outcomes = responseValidator.validate(form, ownTargets(cr), result);
            responseValidator.requireDoNotNotifyConfirmation(cases.request(cr.freezeRequestId()), form.isDoNotNotifyConfirmed(), result);
            if (result.hasErrors()) {
                model.addAttribute("acknowledgeForm", new AcknowledgeForm());
                addRequest(cr, model);
                return VIEW;
            }
            counterpartyRequestService.respond(cr, form.getSubmittedBy().strip(), acknowledgingTitle, request.getRemoteAddr(), outcomes,
                    form.isDoNotNotifyConfirmed(), actor(cr));
            redirect.addFlashAttribute("message", "Thank you: your response was recorded (" + outcomes.size() + " target(s)).");
            return "redirect:/portal/" + token;
        });
    }

    /** The second button of the response form: keeps what was typed, checks only what could never be sent, tells no one. */
    @PostMapping("/draft")
    String saveDraft(@PathVariable String token, @ModelAttribute("responseForm") ResponseForm form, BindingResult result,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        return withOpenLink(token, model, request, response, cr -> {
            counterpartyRequestService.refuseIfWithdrawn(cr);
            responseValidator.validateDraft(form, ownTargets(cr), result);
            if (result.hasErrors()) {
                model.addAttribute("acknowledgeForm", new AcknowledgeForm());
                addRequest(cr, model);
                return VIEW;
            }
            int answered = (int) form.getOutcomes().stream().filter(row -> row.getOutcome() != null && !row.getOutcome().isBlank()).count();
            counterpartyRequestService.saveDraft(cr, drafts.write(form), answered, actor(cr));
            redirect.addFlashAttribute("message", "Draft saved. Nothing was sent yet: submit the response when it is complete.");
            return "redirect:/portal/" + token;
        });
    }

    /** Answers the same whether or not the address is registered, so the page reveals no contact. */
    @PostMapping("/renewal")
    String renew(@PathVariable String token, @Valid @ModelAttribute("renewalForm") LinkRenewalForm form, BindingResult result,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Link> link = access.lookUp(token, request.getRemoteAddr());
        if (link.isEmpty()) {
            return invalidLink(response);
        }
        if (result.hasErrors()) {
            return renewalPage(link.get(), model, response);
        }
        if (!linkRenewals.request(link.get().counterpartyRequest(), form.getEmail())) {
            access.recordFailure(request.getRemoteAddr());
        }
        redirect.addFlashAttribute("message", "If " + form.getEmail().strip() + " is a registered contact for this request, "
                + "a new link is on its way to your institution's registered contacts.");
        return "redirect:/portal/" + token;
    }

    private String withOpenLink(String token, Model model, HttpServletRequest request, HttpServletResponse response,
            Function<CounterpartyRequest, String> action) {
        Optional<Link> link = access.lookUp(token, request.getRemoteAddr());
        if (link.isEmpty()) {
            return invalidLink(response);
        }
        if (!link.get().opens()) {
            if (!model.containsAttribute("renewalForm")) {
                model.addAttribute("renewalForm", new LinkRenewalForm());
            }
            return renewalPage(link.get(), model, response);
        }
        return action.apply(link.get().counterpartyRequest());
    }

    private static String renewalPage(Link link, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("linkState", link.state());
        return RENEWAL_VIEW;
    }

    private void addRequest(CounterpartyRequest cr, Model model) {
        FreezeRequest freezeRequest = cases.request(cr.freezeRequestId());
        List<Target> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId());
        model.addAttribute("counterpartyRequest", cr);
        model.addAttribute("caseClosed", counterpartyRequestService.caseClosed(cr));
        model.addAttribute("counterparty", counterparties.findById(cr.counterpartyId()).orElseThrow());
        model.addAttribute("freezeCase", cases.caseOfRequest(freezeRequest.id()));
        model.addAttribute("freezeRequest", freezeRequest);
        model.addAttribute("askingAgency", askingAgency.of(freezeRequest.id()));
        model.addAttribute("trust", trust.of(cr.id()));
        List<OtherRequests.OtherRequest> others = otherRequests.of(cr);
        model.addAttribute("otherRequests", others);
        model.addAttribute("alsoCountsFor", alsoCountsFor(others));
        model.addAttribute("targets", targets);
        model.addAttribute("targetLines", targets.stream().collect(Collectors.toMap(Target::id, Target::lineNumber)));
        model.addAttribute("decimals", targets.stream().collect(Collectors.toMap(Target::id, t -> precision.decimals(t.chain(), t.asset()))));
        model.addAttribute("responses", responses(counterpartyRequests.history(cr.id())));
        model.addAttribute("outcomeChoices", Outcome.answers());
        Map<Long, TargetOutcome> latest = counterpartyRequests.latestOutcomes(cr.id());
        model.addAttribute("answeredThrough", latest.values().stream().filter(o -> o.answeredThrough() != null)
                .collect(Collectors.toMap(TargetOutcome::targetId, TargetOutcome::answeredThrough)));
        model.addAttribute("released", targets.stream().filter(t -> latest.containsKey(t.id()) && latest.get(t.id()).outcome() == Outcome.RELEASED)
                .map(Target::id).collect(Collectors.toSet()));
        if (!model.containsAttribute("releaseForm")) {
            ReleaseForm releaseForm = new ReleaseForm();
            releaseForm.setSubmittedBy(cr.acknowledgedByName());
            model.addAttribute("releaseForm", releaseForm);
        }
    }

    /** Per target of this request, the other requests an answer for it also counts for, as "FRZ-…/2 (target 3)". */
    private static Map<Long, List<String>> alsoCountsFor(List<OtherRequests.OtherRequest> others) {
        Map<Long, List<String>> counts = new LinkedHashMap<>();
        others.stream().filter(OtherRequests.OtherRequest::takesSharedAnswers).forEach(other -> other.sharedTargets().forEach(t ->
                counts.computeIfAbsent(t.targetId(), id -> new ArrayList<>()).add(other.label() + " (target " + t.otherLine() + ")")));
        return counts;
    }

    /** The counterparty's history, one entry per submission, newest first. */
    private static List<SubmittedResponse> responses(List<TargetOutcome> history) {
        Map<Long, List<TargetOutcome>> byResponse = new LinkedHashMap<>();
        history.forEach(outcome -> byResponse.computeIfAbsent(outcome.responseId(), id -> new ArrayList<>()).add(outcome));
        return byResponse.values().stream()
                .map(outcomes -> new SubmittedResponse(outcomes.get(0).submittedAt(), outcomes.get(0).submittedByName(),
                        outcomes.get(0).answeredThrough(), outcomes))
                .toList();
    }

    /** {@code answeredThrough}: the other request of the case it was sent through, or null. */
    record SubmittedResponse(OffsetDateTime submittedAt, String submittedBy, String answeredThrough, List<TargetOutcome> outcomes) {
    }

    /** Per target the draft's row if there is one, otherwise the outcome in force. */
    private ResponseForm prefilledResponse(CounterpartyRequest cr, Optional<ResponseForm> draft) {
        Map<Long, TargetOutcome> latest = counterpartyRequests.latestOutcomes(cr.id());
        Map<Long, OutcomeRow> drafted = draft.map(ResponseDrafts::rowsByTarget).orElse(Map.of());
        ResponseForm form = new ResponseForm();
        form.setSubmittedBy(draft.map(ResponseForm::getSubmittedBy).orElse(cr.acknowledgedByName()));
        for (Target target : cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId())) {
            OutcomeRow row = drafted.get(target.id());
            if (row == null) {
                row = new OutcomeRow();
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
            }
            form.getOutcomes().add(row);
        }
        return form;
    }

    private Map<Long, Target> ownTargets(CounterpartyRequest cr) {
        return cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).stream()
                .collect(Collectors.toMap(Target::id, Function.identity()));
    }

    private Actor actor(CounterpartyRequest cr) {
        return Actor.counterparty(counterparties.findById(cr.counterpartyId()).orElseThrow().name(), cr.id());
    }

    private static String invalidLink(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "portal/invalid";
    }
}
