package org.freezedesk.audit;

import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The auditor's read-only view: every case, and what happened to it, in order. */
@Controller
@RequestMapping("/audit")
class AuditController {

    private final FreezeCaseService freezeCaseService;
    private final AuditLog auditLog;

    AuditController(FreezeCaseService freezeCaseService, AuditLog auditLog) {
        this.freezeCaseService = freezeCaseService;
        this.auditLog = auditLog;
    }

    @GetMapping("/cases")
    String cases(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("cases", freezeCaseService.visibleCases(user));
        return "audit/cases";
    }

    @GetMapping("/cases/{reference}")
    String timeline(@PathVariable String reference, @AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("view", freezeCaseService.view(reference, user));
        model.addAttribute("events", auditLog.forCase(reference));
        return "audit/timeline";
    }
}
