package org.freezedesk.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Verify a request": anyone who received a freeze request can check its case reference and verification
 * code here without using the link in it. The answer is genuine or not genuine, and nothing else.
 */
@Controller
@RequestMapping("/portal/verify")
class VerificationController {

    private static final String VIEW = "portal/verify";

    private final PortalAccess access;

    VerificationController(PortalAccess access) {
        this.access = access;
    }

    @GetMapping
    String form(@ModelAttribute("verificationForm") VerificationForm form) {
        return VIEW;
    }

    @PostMapping
    String verify(@Valid @ModelAttribute("verificationForm") VerificationForm form, BindingResult result, Model model,
            HttpServletRequest request) {
        if (!result.hasErrors()) {
            model.addAttribute("genuine", access.isGenuine(form.getReference(), form.getCode(), request.getRemoteAddr()));
        }
        return VIEW;
    }
}
