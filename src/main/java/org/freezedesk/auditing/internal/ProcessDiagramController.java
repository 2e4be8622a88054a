package org.freezedesk.auditing.internal;

import java.util.List;

import org.freezedesk.cases.CaseNotFoundException;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The process instances of a case drawn with the path they took; the drawing reads the JSON below. */
@Controller
@RequestMapping("/audit/cases/{reference}/processes")
class ProcessDiagramController {

    private final FreezeCaseService freezeCaseService;
    private final ProcessDiagrams diagrams;

    ProcessDiagramController(FreezeCaseService freezeCaseService, ProcessDiagrams diagrams) {
        this.freezeCaseService = freezeCaseService;
        this.diagrams = diagrams;
    }

    /** {@code instance}: which one to draw; the first (the case's own freeze request) when absent. */
    @GetMapping
    String processes(@PathVariable String reference, @RequestParam(required = false) String instance,
            @AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("freezeCase", freezeCaseService.visibleCase(reference, user));
        List<ProcessDiagrams.ProcessSummary> processes = diagrams.processes(reference);
        model.addAttribute("processes", processes);
        String selected = instance != null ? instance : processes.isEmpty() ? null : processes.get(0).id();
        if (selected != null) {
            model.addAttribute("diagram", diagrams.diagram(reference, selected).orElseThrow(() -> new CaseNotFoundException(reference)));
        }
        return "auditing/processes";
    }

    @GetMapping("/{processInstanceId}/diagram")
    @ResponseBody
    ProcessDiagrams.Diagram diagram(@PathVariable String reference, @PathVariable String processInstanceId,
            @AuthenticationPrincipal StaffUser user) {
        freezeCaseService.visibleCase(reference, user);
        return diagrams.diagram(reference, processInstanceId).orElseThrow(() -> new CaseNotFoundException(reference));
    }
}
