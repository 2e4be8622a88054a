package org.freezedesk.recovery.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.FourEyesViolationException;
import org.freezedesk.review.ReviewDecision;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Legal review of recovery instructions (approve, reject or return for amendment) and of their withdrawal
 * (approve or reject); never one's own.
 */
@Controller
@RequestMapping("/review/recoveries")
class RecoveryReviewController {

    private static final String VIEW = "recovery/review";

    private final RecoveryService recoveryService;

    RecoveryReviewController(RecoveryService recoveryService) {
        this.recoveryService = recoveryService;
    }

    @GetMapping
    String queue(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("tasks", recoveryService.queue(user));
        return "recovery/queue";
    }

    @GetMapping("/{taskId}")
    String show(@PathVariable String taskId, @ModelAttribute("form") DecisionForm form, @AuthenticationPrincipal StaffUser user,
            Model model) {
        addTask(taskId, user, model);
        return VIEW;
    }

    @PostMapping("/{taskId}")
    String decide(@PathVariable String taskId, @Valid @ModelAttribute("form") DecisionForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        boolean withdrawal = recoveryService.reviewTask(taskId, user).withdrawal();
        if (withdrawal && form.getDecision() == ReviewDecision.RETURN) {
            result.rejectValue("decision", "noReturn", "A withdrawal is approved or rejected");
        }
        if ((form.getDecision() == ReviewDecision.REJECT || form.getDecision() == ReviewDecision.RETURN)
                && (form.getComment() == null || form.getComment().isBlank())) {
            result.rejectValue("comment", "required", "Say why, so the filer knows what to change");
        }
        if (result.hasErrors()) {
            addTask(taskId, user, model);
            return VIEW;
        }
        String comment = form.getComment() == null || form.getComment().isBlank() ? null : form.getComment().strip();
        try {
            recoveryService.decide(taskId, form.getDecision(), comment, user);
        } catch (FourEyesViolationException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            result.reject("fourEyes", e.getMessage());
            addTask(taskId, user, model);
            return VIEW;
        }
        redirect.addFlashAttribute("message", (withdrawal ? "Withdrawal of recovery instruction: " : "Recovery instruction: ")
                + form.getDecision().name().toLowerCase() + " recorded.");
        return "redirect:/review/recoveries";
    }

    private void addTask(String taskId, StaffUser user, Model model) {
        RecoveryService.ReviewTask task = recoveryService.reviewTask(taskId, user);
        model.addAttribute("task", task);
        model.addAttribute("ownInstruction", task.instruction().filedBy().equals(user.getUsername())
                || (task.withdrawal() && user.getUsername().equals(task.instruction().withdrawalRequestedBy())));
        model.addAttribute("decisionChoices", task.withdrawal() ? new ReviewDecision[] {ReviewDecision.APPROVE, ReviewDecision.REJECT}
                : ReviewDecision.values());
    }
}
