package org.freezedesk.stats.internal;

import java.util.List;

import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dashboard for agency and auditor: tables that read without JavaScript, charts on top. */
@Controller
class StatsController {

    private final StatsService statsService;
    private final JointFiguresService jointFigures;

    StatsController(StatsService statsService, JointFiguresService jointFigures) {
        this.statsService = statsService;
        this.jointFigures = jointFigures;
    }

    @GetMapping("/stats")
    String dashboard(@RequestParam(name = "case", required = false) List<String> references, @AuthenticationPrincipal StaffUser user,
            Model model) {
        Figures figures = statsService.figures(user, references);
        model.addAttribute("figures", figures);
        model.addAttribute("chart", StatsDocument.of(figures));
        model.addAttribute("references", references == null ? List.of() : references);
        // Per agency only for the cases named: the joint ones among them, each checked like its page.
        model.addAttribute("jointFigures", references == null ? List.of() : jointFigures.ofJointCases(references, user));
        return "stats/dashboard";
    }
}
