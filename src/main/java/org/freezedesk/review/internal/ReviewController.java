package org.freezedesk.review.internal;

import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.TargetAnswers;
import org.freezedesk.cases.TargetSanctions;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.FourEyesViolationException;
import org.freezedesk.review.LegalDecisionRepository;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.springframework.http.HttpStatus;
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

@Controller
@RequestMapping("/review")
class ReviewController {

    private final ReviewService reviewService;
    private final CaseRepository cases;
    private final CounterpartyRepository counterparties;
    private final LegalDecisionRepository decisions;
    private final TargetAnswers targetAnswers;
    private final TargetSanctions sanctions;

    ReviewController(ReviewService reviewService, CaseRepository cases, CounterpartyRepository counterparties,
            LegalDecisionRepository decisions, TargetAnswers targetAnswers, TargetSanctions sanctions) {
        this.reviewService = reviewService;
        this.sanctions = sanctions;
        this.targetAnswers = targetAnswers;
        this.cases = cases;
        this.counterparties = counterparties;
        this.decisions = decisions;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("items", reviewService.queue(user));
        return "review/queue";
    }

    @GetMapping("/{taskId}")
    String show(@PathVariable String taskId, @ModelAttribute("form") DecisionForm form,
            @RequestParam(name = "page", required = false) String page, @AuthenticationPrincipal StaffUser user, Model model) {
        addRequest(taskId, user, model, TargetAnswers.pageNumber(page));
        return "review/show";
    }

    @PostMapping("/{taskId}")
    String decide(@PathVariable String taskId, @Valid @ModelAttribute("form") DecisionForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ReviewItem item = reviewService.item(taskId, user);
        if (form.getDecision() != null && form.getDecision() != ReviewDecision.APPROVE
                && (form.getComment() == null || form.getComment().isBlank())) {
            result.rejectValue("comment", "required", "Say why, so the filer knows what to change");
        }
        if (!item.mayReturn() && form.getDecision() == ReviewDecision.RETURN) {
            result.rejectValue("decision", "notReturned", "An EMERGENCY request is approved or rejected here, not returned for amendment");
        }
        if (result.hasErrors()) {
            addRequest(taskId, user, model, 1);
            return "review/show";
        }
        try {
            reviewService.decide(taskId, form, user);
        } catch (FourEyesViolationException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            result.reject("fourEyes", e.getMessage());
            addRequest(taskId, user, model, 1);
            return "review/show";
        }
        redirect.addFlashAttribute("message", "Request " + item.request().sequenceNumber() + " of " + item.freezeCase().reference()
                + ": " + form.getDecision().name().toLowerCase() + " recorded.");
        return "redirect:/review";
    }

    /** The request's routing summed up, and its targets a page at a time, so that a request of 50,000 targets opens at once. */
    private void addRequest(String taskId, StaffUser user, Model model, int page) {
        ReviewItem item = reviewService.item(taskId, user);
        model.addAttribute("routing", cases.routingLines(item.request().id()));
        model.addAttribute("targets", targetAnswers.page(item.freezeCase().id(), new TargetAnswers.Filter(null, null, item.request().id()), page));
        model.addAttribute("counterparties", counterparties.findAll().stream().collect(Collectors.toMap(Counterparty::id, c -> c)));
        model.addAttribute("item", item);
        model.addAttribute("sanctions", sanctions.of(item.request()));
        model.addAttribute("decisions", decisions.forRequest(item.request().id()));
        model.addAttribute("ownRequest", item.request().filedBy().equals(user.getUsername()));
        model.addAttribute("approvedOnCall", item.secondReview() && user.getUsername().equals(reviewService.onCallApprover(item)));
        model.addAttribute("decisionChoices", Arrays.stream(ReviewDecision.values())
                .filter(d -> item.mayReturn() || d != ReviewDecision.RETURN).toList());
    }
}
