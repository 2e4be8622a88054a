package org.freezedesk.portal.internal;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

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
    CursorPage<RequestLine> list(@AuthenticationPrincipal CounterpartyClient client,
            @RequestParam(required = false) CounterpartyRequestState state, @RequestParam(required = false) Urgency urgency,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime dueBefore,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime dueFrom,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit) {
        int size = CursorPage.limit(limit);
        RequestFilter filter = new RequestFilter(state, urgency, DeadlineBound.check("dueBefore", dueBefore),
                DeadlineBound.check("dueFrom", dueFrom));
        return CursorPage.of(counterpartyRequests.addressedTo(client.counterpartyId(), filter, CursorPage.afterId(cursor), size + 1)
                .stream().map(RequestLine::of).toList(), size, RequestLine::id);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> read(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id) {
        return withOwn(client, id, cr -> ResponseEntity.ok(answers.document(cr)));
    }

    @PostMapping("/{id}/acknowledgement")
    ResponseEntity<?> acknowledge(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id,
            @RequestBody AcknowledgeForm form) {
        return withOwn(client, id, cr -> answers.acknowledge(cr, form));
    }

    @PostMapping("/{id}/responses")
    ResponseEntity<?> respond(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id,
            @RequestBody ResponseForm form, HttpServletRequest request) {
        return withOwn(client, id, cr -> answers.respond(cr, form, request.getRemoteAddr(),
                "POST /api/v1/counterparty/requests/" + id + "/acknowledgement"));
    }

    /** For a withdrawn request ({@code state} WITHDRAWN): confirms, per target, that the freeze was lifted. */
    @PostMapping("/{id}/releases")
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
