package org.freezedesk.portal.internal;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.freezedesk.counterpartyrequest.RequestTrust;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * "Verify a request": anyone who received a freeze request can check its case reference and verification
 * code here without using the link in it. The answer is genuine or not genuine; a genuine one also shows who asks
 * (the agency, its jurisdiction and vetting) and the request's fingerprint, to compare with a copy received otherwise.
 */
@Controller
@RequestMapping("/portal/verify")
class VerificationController {

    private static final String VIEW = "portal/verify";

    private final PortalAccess access;
    private final RequestTrust trust;

    VerificationController(PortalAccess access, RequestTrust trust) {
        this.access = access;
        this.trust = trust;
    }

    @GetMapping
    String form(@ModelAttribute("verificationForm") VerificationForm form) {
        return VIEW;
    }

    @PostMapping
    String verify(@Valid @ModelAttribute("verificationForm") VerificationForm form, BindingResult result, Model model,
            HttpServletRequest request) {
        if (!result.hasErrors()) {
            Optional<Long> counterpartyRequest = access.verify(form.getReference(), form.getCode(), request.getRemoteAddr());
            model.addAttribute("genuine", counterpartyRequest.isPresent());
            counterpartyRequest.ifPresent(id -> model.addAttribute("trust", trust.of(id)));
        }
        return VIEW;
    }
}
