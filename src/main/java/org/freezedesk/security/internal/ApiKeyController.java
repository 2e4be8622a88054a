package org.freezedesk.security.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.freezedesk.security.ApiKeyForm;
import org.freezedesk.security.ApiKeyProblem;
import org.freezedesk.security.ApiKeys;
import org.freezedesk.security.IssuedKey;
import org.freezedesk.security.Role;
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
 * A signed-in user's own API keys. A new key's secret is rendered in the answer to the POST itself and kept
 * nowhere else: not in the session, not in a redirect.
 */
@Controller
@RequestMapping("/account/keys")
class ApiKeyController {

    private static final String VIEW = "security/keys";

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @ModelAttribute
    void keys(@AuthenticationPrincipal StaffUser user, Model model) {
        model.addAttribute("keys", keys.ofUser(user.getUsername()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("latestDay", LocalDate.now(ZoneOffset.UTC).plusDays(ApiKeys.MAX_DAYS));
    }

    @GetMapping
    String list(@ModelAttribute("form") ApiKeyForm form, @AuthenticationPrincipal StaffUser user) {
        form.setScopes(user.getRoles());
        form.setExpiresOn(LocalDate.now(ZoneOffset.UTC).plusDays(90).toString());
        return VIEW;
    }

    @PostMapping
    String create(@Valid @ModelAttribute("form") ApiKeyForm form, BindingResult result, @AuthenticationPrincipal StaffUser user,
            Model model, HttpServletResponse response) {
        if (result.hasErrors()) {
            return VIEW;
        }
        try {
            IssuedKey issued = keys.createForUser(user, form);
            model.addAttribute("issued", issued);
            model.addAttribute("keys", keys.ofUser(user.getUsername()));
            model.addAttribute("form", new ApiKeyForm());
            response.setHeader("Cache-Control", "no-store");
        } catch (ApiKeyProblem problem) {
            result.rejectValue(problem.field(), "refused", problem.getMessage());
        }
        return VIEW;
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, @AuthenticationPrincipal StaffUser user, RedirectAttributes redirect,
            HttpServletResponse response) {
        if (keys.revokeOfUser(user.getUsername(), id, user.getUsername()).isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "error/404";
        }
        redirect.addFlashAttribute("message", "The key was revoked: calls with it are refused from now on.");
        return "redirect:/account/keys";
    }
}
