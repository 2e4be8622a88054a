package org.freezedesk.portal.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.address.Caip10;
import org.freezedesk.audit.Actor;
import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.AccessLinks.Link;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.CounterpartyRequestService;
import org.freezedesk.counterpartyrequest.RequestTrust;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.TargetOutcome;
import org.freezedesk.directory.AssetPrecision;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.input.Problems;
import org.freezedesk.portal.internal.PortalRequestDocument.AgencyDocument;
import org.freezedesk.portal.internal.PortalRequestDocument.Acknowledgement;
import org.freezedesk.portal.internal.PortalRequestDocument.DoNotNotify;
import org.freezedesk.portal.internal.PortalRequestDocument.OutcomeDocument;
import org.freezedesk.portal.internal.PortalRequestDocument.ResponseDocument;
import org.freezedesk.portal.internal.PortalRequestDocument.TargetDocument;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
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
    private final CounterpartyRequestRepository counterpartyRequests;
    private final CounterpartyRequestService counterpartyRequestService;
    private final CounterpartyRepository counterparties;
    private final CaseRepository cases;
    private final ResponseValidator responseValidator;
    private final AssetPrecision precision;
    private final SmartValidator beanValidator;
    private final RequestTrust trust;

    PortalApiController(PortalAccess access, CounterpartyRequestRepository counterpartyRequests,
            CounterpartyRequestService counterpartyRequestService, CounterpartyRepository counterparties, CaseRepository cases,
            ResponseValidator responseValidator, AssetPrecision precision, SmartValidator beanValidator, RequestTrust trust) {
        this.access = access;
        this.trust = trust;
        this.counterpartyRequests = counterpartyRequests;
        this.counterpartyRequestService = counterpartyRequestService;
        this.counterparties = counterparties;
        this.cases = cases;
        this.responseValidator = responseValidator;
        this.precision = precision;
        this.beanValidator = beanValidator;
    }

    @GetMapping("/request")
    @Operation(summary = "The counterparty's own request", description = "Its case, legal basis, deadline, targets with the "
            + "answer in force, and every response sent. The credential is the token of the link.")
    @ApiResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> read(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> ResponseEntity.ok(document(cr)));
    }

    /** Only the first acknowledgement is kept; sending it again changes nothing. */
    @PostMapping("/acknowledgement")
    @Operation(summary = "Acknowledge receipt", description = "Who received the request; only the first acknowledgement is kept.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AcknowledgeForm.class),
            examples = @ExampleObject(value = "{\"name\": \"Jo Compliance\", \"title\": \"Head of investigations\"}")))
    @ApiResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> acknowledge(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody AcknowledgeForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> {
            BindingResult result = new BeanPropertyBindingResult(form, "acknowledgement");
            beanValidator.validate(form, result);
            if (result.hasErrors()) {
                return badRequest(result);
            }
            counterpartyRequestService.acknowledge(cr, form.getName().strip(), form.getTitle().strip(), actor(cr));
            return ResponseEntity.ok(document(counterpartyRequests.find(cr.id())));
        });
    }

    @PostMapping("/responses")
    @Operation(summary = "Answer per target", description = "An outcome for some or all of the request's targets, with the same "
            + "checks as the form; may be sent several times. Acknowledge first.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ResponseForm.class),
            examples = @ExampleObject(value = "{\"submittedBy\": \"Jo Compliance\", \"outcomes\": [{\"targetId\": 17, "
                    + "\"outcome\": \"FROZEN\", \"frozenAmount\": \"1250.5\", \"internalReference\": \"INT-1\", "
                    + "\"heldUntil\": \"2026-12-31\"}]}")))
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> respond(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ResponseForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> {
            counterpartyRequestService.refuseIfWithdrawn(cr);
            BindingResult result = new BeanPropertyBindingResult(form, "response");
            beanValidator.validate(form, result);
            if (!cr.acknowledged()) {
                result.reject("notAcknowledged", "Acknowledge receipt first: POST /api/v1/portal/acknowledgement");
            }
            List<NewOutcome> outcomes = responseValidator.validate(form, ownTargets(cr), result);
            responseValidator.requireDoNotNotifyConfirmation(cases.request(cr.freezeRequestId()), form.isDoNotNotifyConfirmed(), result);
            if (result.hasErrors()) {
                return badRequest(result);
            }
            counterpartyRequestService.respond(cr, form.getSubmittedBy().strip(), request.getRemoteAddr(), outcomes,
                    form.isDoNotNotifyConfirmed(), actor(cr));
            return ResponseEntity.status(HttpStatus.CREATED).body(document(counterpartyRequests.find(cr.id())));
        });
    }

    /** For a withdrawn request ({@code state} WITHDRAWN): confirms, per target, that the freeze was lifted. */
    @PostMapping("/releases")
    @Operation(summary = "Confirm freezes lifted", description = "For a withdrawn request: per target, that the freeze was lifted.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReleaseForm.class)))
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> confirmRelease(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestBody ReleaseForm form, HttpServletRequest request) {
        return withOpenLink(authorization, request, cr -> {
            BindingResult result = new BeanPropertyBindingResult(form, "release");
            beanValidator.validate(form, result);
            List<Long> released = responseValidator.validateRelease(form, ownTargets(cr), result);
            responseValidator.requireDoNotNotifyConfirmation(cases.request(cr.freezeRequestId()), form.isDoNotNotifyConfirmed(), result);
            if (result.hasErrors()) {
                return badRequest(result);
            }
            counterpartyRequestService.confirmRelease(cr, form.getSubmittedBy().strip(), request.getRemoteAddr(), released,
                    form.isDoNotNotifyConfirmed(), actor(cr));
            return ResponseEntity.status(HttpStatus.CREATED).body(document(counterpartyRequests.find(cr.id())));
        });
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

    private PortalRequestDocument document(CounterpartyRequest cr) {
        FreezeRequest freezeRequest = cases.request(cr.freezeRequestId());
        FreezeCase freezeCase = cases.caseOfRequest(freezeRequest.id());
        Map<Long, TargetOutcome> latest = counterpartyRequests.latestOutcomes(cr.id());
        List<TargetDocument> targets = cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).stream()
                .map(t -> new TargetDocument(t.id(), t.lineNumber(), t.chain(), t.asset(), t.address(),
                        Caip10.of(t.chain(), t.address()), t.amountText(),
                        precision.decimals(t.chain(), t.asset()), t.txHashes(), t.note(),
                        latest.containsKey(t.id()) ? OutcomeDocument.of(latest.get(t.id())) : null))
                .toList();
        Map<Long, List<TargetOutcome>> byResponse = new LinkedHashMap<>();
        counterpartyRequests.history(cr.id())
                .forEach(o -> byResponse.computeIfAbsent(o.responseId(), id -> new ArrayList<>()).add(o));
        List<ResponseDocument> responses = byResponse.entrySet().stream()
                .map(e -> new ResponseDocument(e.getKey(), e.getValue().get(0).submittedAt(), e.getValue().get(0).submittedByName(),
                        counterpartyRequests.doNotNotifyConfirmed(e.getKey()), e.getValue().stream().map(OutcomeDocument::of).toList()))
                .toList();
        return new PortalRequestDocument(freezeCase.reference(), freezeCase.title(), freezeCase.agency(),
                AgencyDocument.of(trust.of(cr.id())), freezeRequest.sequenceNumber(), freezeRequest.legalBasis(),
                freezeRequest.courtOrderReference(), freezeRequest.mlatReference(), freezeRequest.urgency(),
                freezeRequest.doNotNotify() ? new DoNotNotify(freezeRequest.doNotNotifyBasis(), freezeRequest.doNotNotifyUntil()) : null,
                counterparties.findById(cr.counterpartyId()).orElseThrow().name(), cr.state(), cr.dueAt(),
                cr.acknowledged() ? new Acknowledgement(cr.acknowledgedByName(), cr.acknowledgedByTitle(), cr.acknowledgedAt()) : null,
                targets, responses);
    }

    private Map<Long, Target> ownTargets(CounterpartyRequest cr) {
        return cases.targetsRoutedTo(cr.freezeRequestId(), cr.counterpartyId()).stream()
                .collect(Collectors.toMap(Target::id, Function.identity()));
    }

    private Actor actor(CounterpartyRequest cr) {
        return Actor.counterparty(counterparties.findById(cr.counterpartyId()).orElseThrow().name(), cr.id());
    }

    private static ResponseEntity<ProblemDetail> unauthorized(String error, String message) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"FreezeDesk portal\"")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(refusal(HttpStatus.UNAUTHORIZED, error, message));
    }

    /** Field errors name the field as in the request body; errors about the whole request have no field. */
    private static ResponseEntity<ProblemDetail> badRequest(BindingResult result) {
        return Problems.badRequest(result);
    }
}
