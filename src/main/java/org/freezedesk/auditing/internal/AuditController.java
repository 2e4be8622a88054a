package org.freezedesk.auditing.internal;

import org.freezedesk.cases.CasePage;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's read-only view: every case, and what happened to it, in order. */
@Controller
@RequestMapping("/audit")
class AuditController {

    private final FreezeCaseService freezeCaseService;
    private final CasePage casePage;
    private final Timeline timeline;

    AuditController(FreezeCaseService freezeCaseService, CasePage casePage, Timeline timeline) {
        this.freezeCaseService = freezeCaseService;
        this.casePage = casePage;
        this.timeline = timeline;
    }

    @GetMapping("/cases")
    String cases(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("cases", freezeCaseService.visibleCases(user));
        return "auditing/cases";
    }

    /** {@code after}/{@code before}: page from that position; {@code end}: the last page. */
    @GetMapping("/cases/{reference}")
    String timeline(@PathVariable String reference, @RequestParam(required = false) String actor,
            @RequestParam(required = false) EntryKind kind, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, @RequestParam(required = false) String end,
            @AuthenticationPrincipal StaffUser user, Model model) {
        casePage.addCase(reference, user, model);
        TimelineFilter filter = new TimelineFilter(actor, kind);
        boolean backwards = before != null || end != null;
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", EntryKind.values());
        model.addAttribute("page", timeline.page(reference, filter,
                backwards ? Timeline.Direction.BEFORE : Timeline.Direction.AFTER, backwards ? before : after));
        return "auditing/timeline";
    }
}
