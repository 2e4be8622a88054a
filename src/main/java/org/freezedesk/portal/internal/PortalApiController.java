package org.freezedesk.portal.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.input.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
@Tag(name = "Portal", description = "A counterparty's own request, with the token of its link as the bearer credential")
class PortalApiController {

    private static final String BEARER = "Bearer ";

    private final PortalAccess access;
    private final PortalAnswers answers;

    PortalApiController(PortalAccess access, PortalAnswers answers) {
        this.access = access;
        this.answers = answers;
    }

    @GetMapping("/request")
    @Operation(summary = "The counterparty's own request", description = "Its case, legal basis, deadline, targets with the "
            + "answer in force, and every response sent. The credential is the token of the link.")
    @ApiResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> read(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> ResponseEntity.ok(answers.document(cr)));
    }

    /** Only the first acknowledgement is kept; sending it again changes nothing. */
    @PostMapping("/acknowledgement")
    @Operation(summary = "Acknowledge receipt", description = "Who received the request; only the first acknowledgement is kept.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AcknowledgeForm.class),
            examples = @ExampleObject(value = "{\"name\": \"Jo Compliance\", \"title\": \"Head of investigations\"}")))
    @ApiResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> acknowledge(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody AcknowledgeForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> answers.acknowledge(cr, form));
    }

    @PostMapping("/responses")
    @Operation(summary = "Answer per target", description = "An outcome for some or all of the request's targets, with the same "
            + "checks as the form; may be sent several times. While the request is not acknowledged, the answer acknowledges "
            + "receipt too, by submittedBy and submitterTitle (required then).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ResponseForm.class),
            examples = @ExampleObject(value = "{\"submittedBy\": \"Jo Compliance\", \"outcomes\": [{\"targetId\": 17, "
                    + "\"outcome\": \"FROZEN\", \"frozenAmount\": \"1250.5\", \"internalReference\": \"INT-1\", "
                    + "\"heldUntil\": \"2026-12-31\"}]}")))
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> respond(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ResponseForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request,
                cr -> answers.respond(cr, form, request.getRemoteAddr(), "POST /api/v1/portal/acknowledgement"));
    }

    /** For a withdrawn request ({@code state} WITHDRAWN): confirms, per target, that the freeze was lifted. */
    @PostMapping("/releases")
    @Operation(summary = "Confirm freezes lifted", description = "For a withdrawn request: per target, that the freeze was lifted.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReleaseForm.class)))
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> confirmRelease(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ReleaseForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> answers.confirmRelease(cr, form, request.getRemoteAddr()));
    }

    @ExceptionHandler(TooManyFailedLookupsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyFailedLookupsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(TooManyFailedLookupsAdvice.retryAfterSeconds(e)))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(refusal(HttpStatus.TOO_MANY_REQUESTS, "too_many_failed_lookups", "Too many unknown tokens from this address; try again later"));
    }

    /** A problem whose {@code error} is a code a client can act on, such as {@code link_revoked}. */
    private static ProblemDetail refusal(HttpStatus status, String error, String message) {
        ProblemDetail problem = Problems.of(status, null, message).getBody();
        problem.setProperty("error", error);
        return problem;
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

    private static ResponseEntity<ProblemDetail> unauthorized(String error, String message) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"FreezeDesk portal\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(refusal(HttpStatus.UNAUTHORIZED, error, message));
    }
}
