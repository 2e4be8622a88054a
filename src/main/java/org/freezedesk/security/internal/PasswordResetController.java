package org.freezedesk.security.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.security.AccountAuditTrail;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page a mailed one-time link opens: the account chooses its password. */
@Controller
@RequestMapping("/password-reset/{token}")
class PasswordResetController {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 200;

    private final PasswordResets resets;
    private final AccountAuditTrail audit;

    PasswordResetController(PasswordResets resets, AccountAuditTrail audit) {
        this.resets = resets;
        this.audit = audit;
    }

    @GetMapping
    String form(@PathVariable String token, HttpServletResponse response, Model model) {
        model.addAttribute("token", token);
        return resets.usernameOf(token).isPresent() ? "security/password" : invalid(response);
    }

    @PostMapping
    @Transactional
    String choose(@PathVariable String token, @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeated, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        var username = resets.usernameOf(token);
        if (username.isEmpty()) {
            return invalid(response);
        }
        String problem = password.length() < MIN_LENGTH ? "The password needs at least " + MIN_LENGTH + " characters."
                : password.length() > MAX_LENGTH ? "The password may have at most " + MAX_LENGTH + " characters."
                : !password.equals(repeated) ? "The two passwords differ." : null;
        if (problem != null) {
            model.addAttribute("problem", problem);
            return "security/password";
        }
        if (!resets.use(token, password)) {
            return invalid(response);
        }
        audit.record("PASSWORD_CHOSEN", "app_user", username.get(), null, "through a one-time link");
        return "redirect:/login?password";
    }

    /** Used, replaced, expired or never issued: gone, whichever it was. */
    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        return "security/password-link-invalid";
    }
}
