package org.freezedesk.home.internal;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role's work queue on one page. */
@Controller
class HomeController {

    /** An open task of the agency user, with the case it belongs to. */
    record AgencyTask(String name, String caseReference, String created) {
    }

    private final FreezeCaseService freezeCaseService;
    private final ReviewService reviewService;
    private final TaskService taskService;
    private final RuntimeService runtimeService;

    HomeController(FreezeCaseService freezeCaseService, ReviewService reviewService, TaskService taskService, RuntimeService runtimeService) {
        this.freezeCaseService = freezeCaseService;
        this.reviewService = reviewService;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("user", user);
        if (user.has(Role.AGENCY)) {
            List<AgencyTask> tasks = taskService.createTaskQuery().taskAssignee(user.getUsername()).orderByTaskCreateTime().asc()
                    .list().stream()
                    .map(t -> new AgencyTask(t.getName(), caseReference(t.getProcessInstanceId()), t.getCreateTime().toString()))
                    .toList();
            model.addAttribute("agencyTasks", tasks);
            model.addAttribute("cases", freezeCaseService.visibleCases(user));
        }
        if (user.has(Role.LEGAL)) {
            model.addAttribute("reviewItems", reviewService.queue(user));
        }
        if (user.has(Role.AUDITOR)) {
            model.addAttribute("auditCases", freezeCaseService.visibleCases(user));
        }
        return "home/index";
    }

    private String caseReference(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult().getBusinessKey();
    }
}
