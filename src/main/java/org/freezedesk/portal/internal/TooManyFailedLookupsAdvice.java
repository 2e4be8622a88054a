package org.freezedesk.portal.internal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The page a client address gets once it used up its failed look-ups, on any portal page whichever module
 * serves it; the portal API answers in JSON instead ({@link PortalApiController}). Ahead of the input module's
 * catch-all for runtime exceptions, which would otherwise take it first.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class TooManyFailedLookupsAdvice {

    @ExceptionHandler(TooManyFailedLookupsException.class)
    String tooMany(TooManyFailedLookupsException e, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(e)));
        model.addAttribute("retryAfterMinutes", Math.max(1, (retryAfterSeconds(e) + 59) / 60));
        return "portal/too-many";
    }

    static long retryAfterSeconds(TooManyFailedLookupsException e) {
        return Math.max(1, e.retryAfter().toSeconds());
    }
}
