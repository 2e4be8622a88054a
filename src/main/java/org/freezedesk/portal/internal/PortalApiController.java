package org.freezedesk.portal.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal for exchanges that integrate: the token of the link, sent as {@code Authorization: Bearer <token>},
 * reads the counterparty's own request and posts its acknowledgement and outcomes, with the same checks as the
 * forms. No cookie is involved, so there is no session to forge requests with and no CSRF token.
 */
@RestController
@RequestMapping("/api/v1/portal")
class PortalApiController {

    record Refusal(String error, String message) {
    }

    private static final String BEARER = "Bearer ";

    private final PortalAccess access;
    private final PortalAnswers answers;

    PortalApiController(PortalAccess access, PortalAnswers answers) {
        this.access = access;
        this.answers = answers;
    }

    @GetMapping("/request")
    ResponseEntity<?> read(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> ResponseEntity.ok(answers.document(cr)));
    }

    /** Only the first acknowledgement is kept; sending it again changes nothing. */
    @PostMapping("/acknowledgement")
    ResponseEntity<?> acknowledge(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody AcknowledgeForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> answers.acknowledge(cr, form));
    }

    @PostMapping("/responses")
    ResponseEntity<?> respond(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ResponseForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request,
                cr -> answers.respond(cr, form, request.getRemoteAddr(), "POST /api/v1/portal/acknowledgement"));
    }

    /** For a withdrawn request ({@code state} WITHDRAWN): confirms, per target, that the freeze was lifted. */
    @PostMapping("/releases")
    ResponseEntity<?> confirmRelease(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ReleaseForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> answers.confirmRelease(cr, form, request.getRemoteAddr()));
    }

    @ExceptionHandler(TooManyFailedLookupsException.class)
    ResponseEntity<Refusal> tooMany(TooManyFailedLookupsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(TooManyFailedLookupsAdvice.retryAfterSeconds(e)))
                .body(new Refusal("too_many_failed_lookups", "Too many unknown tokens from this address; try again later"));
    }

    private ResponseEntity<?> withOpenLink(String authorization, HttpServletRequest request,
            Function<CounterpartyRequest, ResponseEntity<?>> action) {
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return unauthorized("missing_token", "Send the token of your link as Authorization: Bearer <token>");
        }
        Optional<Link> link = access.lookUp(authorization.substring(BEARER.length()).strip(), request.getRemoteAddr());
        if (link.isEmpty()) {
            return unauthorized("unknown_token", "This token opens nothing");
        }
        if (!link.get().opens()) {
            return unauthorized("link_" + link.get().state().name().toLowerCase(Locale.ROOT),
                    "This link no longer works; open it in a browser to ask for a new one");
        }
        return action.apply(link.get().counterpartyRequest());
    }

    private static ResponseEntity<Refusal> unauthorized(String error, String message) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"FreezeDesk portal\"")
                .body(new Refusal(error, message));
    }
}
