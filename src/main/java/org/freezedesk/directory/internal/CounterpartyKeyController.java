package org.freezedesk.directory.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.security.ApiKeyForm;
import org.freezedesk.security.ApiKeyProblem;
import org.freezedesk.security.ApiKeys;
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
 * The admin gives a counterparty's own system its keys: each reaches every request addressed to that counterparty.
 * A new key's secret is shown in the answer to the POST only, for the admin to hand over.
 */
@Controller
@RequestMapping("/admin/directory/{id}/keys")
class CounterpartyKeyController {

    private static final String VIEW = "directory/keys";

    private final CounterpartyRepository counterparties;
    private final ApiKeys keys;
    private final DirectoryService directory;

    CounterpartyKeyController(CounterpartyRepository counterparties, ApiKeys keys, DirectoryService directory) {
        this.counterparties = counterparties;
        this.keys = keys;
        this.directory = directory;
    }

    @ModelAttribute
    void counterparty(@PathVariable long id, Model model) {
        Counterparty counterparty = counterparties.findById(id).orElseThrow(() -> new CounterpartyNotFoundException(id));
        model.addAttribute("counterparty", counterparty);
        model.addAttribute("keys", keys.ofCounterparty(id));
        model.addAttribute("latestDay", LocalDate.now(ZoneOffset.UTC).plusDays(ApiKeys.MAX_DAYS));
    }

    @GetMapping
    String list(@ModelAttribute("form") ApiKeyForm form) {
        form.setExpiresOn(LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
        return VIEW;
    }

    @PostMapping
    String create(@PathVariable long id, @Valid @ModelAttribute("form") ApiKeyForm form, BindingResult result,
            @AuthenticationPrincipal StaffUser admin, Model model, HttpServletResponse response) {
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            model.addAttribute("issued", directory.issueKey(id, form, admin.getUsername()));
            model.addAttribute("keys", keys.ofCounterparty(id));
            model.addAttribute("form", new ApiKeyForm());
            response.setHeader("Cache-Control", "no-store");
        } catch (ApiKeyProblem problem) {
            result.rejectValue(problem.field(), "refused", problem.getMessage());
        }
        return VIEW;
    }

    @PostMapping("/{keyId}/revoke")
    String revoke(@PathVariable long id, @PathVariable long keyId, @AuthenticationPrincipal StaffUser admin,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (keys.revokeOfCounterparty(id, keyId, admin.getUsername()).isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "error/404";
        }
        redirect.addFlashAttribute("message", "The key was revoked: calls with it are refused from now on.");
        return "redirect:/admin/directory/" + id + "/keys";
    }
}
