package org.freezedesk.portal.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Urgency;
import org.freezedesk.counterpartyrequest.AddressedRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.CounterpartyRequestRepository;
import org.freezedesk.counterpartyrequest.RequestFilter;
import org.freezedesk.input.CursorPage;
import org.freezedesk.security.CounterpartyClient;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counterparty's own system, with one of its keys: every request addressed to that counterparty, listed, read and
 * answered as through each request's link. Another counterparty's request answers 404, as one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/counterparty/requests")
@Tag(name = "Counterparty requests", description = "Every request addressed to a counterparty, with one of its API keys")
class CounterpartyApiController {

    /** A line of the list; {@code GET …/requests/{id}} gives the whole request. */
    record RequestLine(long id, String caseReference, String caseTitle, String agency, int requestSequence, Urgency urgency,
            CounterpartyRequestState state, OffsetDateTime notifiedAt, OffsetDateTime dueAt, OffsetDateTime acknowledgedAt,
            OffsetDateTime respondedAt, OffsetDateTime closedAt) {

        static RequestLine of(AddressedRequest a) {
            CounterpartyRequest cr = a.request();
            return new RequestLine(cr.id(), a.caseReference(), a.caseTitle(), a.agency(), a.requestSequence(), a.urgency(),
                    cr.state(), cr.notifiedAt(), cr.dueAt(), cr.acknowledgedAt(), cr.respondedAt(), cr.closedAt());
        }
    }

    private final CounterpartyRequestRepository counterpartyRequests;
    private final PortalAnswers answers;

    CounterpartyApiController(CounterpartyRequestRepository counterpartyRequests, PortalAnswers answers) {
        this.counterpartyRequests = counterpartyRequests;
        this.answers = answers;
    }

    @GetMapping
    @Operation(summary = "The requests addressed to the counterparty", description = "Oldest first, a page at a time, "
            + "filtered by state, urgency and deadline; GET …/requests/{id} gives the whole request.")
    CursorPage<RequestLine> list(@AuthenticationPrincipal CounterpartyClient client,
            @RequestParam(required = false) CounterpartyRequestState state, @RequestParam(required = false) Urgency urgency,
            @Parameter(description = "deadline before this instant, ISO 8601 with offset")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime dueBefore,
            @Parameter(description = "deadline at or after this instant, ISO 8601 with offset")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime dueFrom,
            @Parameter(description = "next of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit) {
        int size = CursorPage.limit(limit);
        RequestFilter filter = new RequestFilter(state, urgency, DeadlineBound.check("dueBefore", dueBefore),
                DeadlineBound.check("dueFrom", dueFrom));
        return CursorPage.of(counterpartyRequests.addressedTo(client.counterpartyId(), filter, CursorPage.afterId(cursor), size + 1)
                .stream().map(RequestLine::of).toList(), size, RequestLine::id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request addressed to the counterparty", description = "Its case, legal basis, deadline, targets "
            + "with the answer in force, and every response sent; as the portal shows it.")
    @ApiResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> read(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id) {
        return withOwn(client, id, cr -> ResponseEntity.ok(answers.document(cr)));
    }

    @PostMapping("/{id}/acknowledgement")
    @Operation(summary = "Acknowledge receipt", description = "Who received the request; only the first acknowledgement is kept.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AcknowledgeForm.class),
            examples = @ExampleObject(value = "{\"name\": \"Jo Compliance\", \"title\": \"Head of investigations\"}")))
    @ApiResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> acknowledge(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id,
            @RequestBody AcknowledgeForm form) {
        return withOwn(client, id, cr -> answers.acknowledge(cr, form));
    }

    @PostMapping("/{id}/responses")
    @Operation(summary = "Answer per target", description = "An outcome for some or all of the request's targets, with the same "
            + "checks as the form; may be sent several times. While the request is not acknowledged, the answer acknowledges "
            + "receipt too, by submittedBy and submitterTitle (required then).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ResponseForm.class),
            examples = @ExampleObject(value = "{\"submittedBy\": \"Jo Compliance\", \"outcomes\": [{\"targetId\": 17, "
                    + "\"outcome\": \"FROZEN\", \"frozenAmount\": \"1250.5\", \"internalReference\": \"INT-1\", "
                    + "\"heldUntil\": \"2026-12-31\"}]}")))
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> respond(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id,
            @RequestBody ResponseForm form, HttpServletRequest request) {
        return withOwn(client, id, cr -> answers.respond(cr, form, request.getRemoteAddr(),
                "POST /api/v1/counterparty/requests/" + id + "/acknowledgement"));
    }

    /** For a withdrawn request ({@code state} WITHDRAWN): confirms, per target, that the freeze was lifted. */
    @PostMapping("/{id}/releases")
    @Operation(summary = "Confirm freezes lifted", description = "For a withdrawn request: per target, that the freeze was lifted.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = ReleaseForm.class)))
    @ApiResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = PortalRequestDocument.class)))
    ResponseEntity<?> confirmRelease(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id,
            @RequestBody ReleaseForm form, HttpServletRequest request) {
        return withOwn(client, id, cr -> answers.confirmRelease(cr, form, request.getRemoteAddr()));
    }

    private ResponseEntity<?> withOwn(CounterpartyClient client, long id, Function<CounterpartyRequest, ResponseEntity<?>> action) {
        Optional<CounterpartyRequest> cr = counterpartyRequests.findAddressedTo(id, client.counterpartyId());
        if (cr.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No request " + id + " is addressed to you");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return action.apply(cr.get());
    }
}
