package org.freezedesk.security.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.freezedesk.security.AccountAuditTrail;
import org.freezedesk.security.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of signing in: a code from the authenticator app or a recovery code; or, the first time, enrolment. */
@Controller
@RequestMapping("/login")
class SecondFactorController {

    /** Wrong codes one password may try before the sign-in starts over. */
    static final int MAX_FAILED_CODES = 5;
    private static final String ENROLMENT_SECRET = SecondFactorController.class.getName() + ".secret";

    private final SecondFactor secondFactor;
    private final SecondFactorLogin login;
    private final AccountAuditTrail audit;

    SecondFactorController(SecondFactor secondFactor, SecondFactorLogin login, AccountAuditTrail audit) {
        this.secondFactor = secondFactor;
        this.login = login;
        this.audit = audit;
    }

    @GetMapping("/second-factor")
    String codeForm(@AuthenticationPrincipal StaffUser user) {
        return secondFactor.enrolled(user.getUsername()) ? "security/second-factor" : "redirect:/login/enrol";
    }

    @PostMapping("/second-factor")
    String verify(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal StaffUser user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        if (secondFactor.verify(user.getUsername(), code)) {
            login.complete(user, request, response);
            return "redirect:/";
        }
        if (tooManyFailures(request.getSession())) {
            request.getSession().invalidate();
            return "redirect:/login?error";
        }
        model.addAttribute("problem", "That code is wrong, or was used already. Enter the current code from your app, or one of "
                + "your recovery codes.");
        return "security/second-factor";
    }

    @GetMapping("/enrol")
    String enrolForm(@AuthenticationPrincipal StaffUser user, HttpSession session, Model model) {
        if (secondFactor.enrolled(user.getUsername())) {
            return "redirect:/login/second-factor";
        }
        String secret = (String) session.getAttribute(ENROLMENT_SECRET);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(ENROLMENT_SECRET, secret);
        }
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", secondFactor.qrCode(secret, user.getUsername()));
        return "security/enrol";
    }

    @PostMapping("/enrol")
    @Transactional
    String enrol(@RequestParam(defaultValue = "") String code, @AuthenticationPrincipal StaffUser user, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        String secret = (String) request.getSession().getAttribute(ENROLMENT_SECRET);
        if (secret == null || secondFactor.enrolled(user.getUsername())) {
            return "redirect:/login/enrol";
        }
        if (!secondFactor.matches(secret, code)) {
            if (tooManyFailures(request.getSession())) {
                request.getSession().invalidate();
                return "redirect:/login?error";
            }
            model.addAttribute("secret", secret);
            model.addAttribute("qrCode", secondFactor.qrCode(secret, user.getUsername()));
            model.addAttribute("problem", "That code is wrong. Enter the 6 digits your app shows now.");
            return "security/enrol";
        }
        List<String> recoveryCodes = secondFactor.enrol(user.getUsername(), secret, code);
        audit.record("SECOND_FACTOR_ENROLLED", "app_user", user.getUsername(), null, recoveryCodes.size() + " recovery codes issued");
        request.getSession().removeAttribute(ENROLMENT_SECRET);
        login.complete(user, request, response);
        model.addAttribute("recoveryCodes", recoveryCodes);
        return "security/recovery-codes";
    }

    private static boolean tooManyFailures(HttpSession session) {
        Integer failed = (Integer) session.getAttribute(SecondFactorLogin.FAILED_CODES);
        int now = failed == null ? 1 : failed + 1;
        session.setAttribute(SecondFactorLogin.FAILED_CODES, now);
        return now >= MAX_FAILED_CODES;
    }
}
