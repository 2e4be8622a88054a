package org.freezedesk.review.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.cases.CaseRepository;
import org.freezedesk.cases.FreezeRequestState;
import org.freezedesk.cases.RoutingLine;
import org.freezedesk.cases.Target;
import org.freezedesk.cases.Urgency;
import org.freezedesk.input.CursorPage;
import org.freezedesk.input.Problems;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.LegalDecision;
import org.freezedesk.review.LegalDecisionRepository;
import org.freezedesk.review.ReviewDecision;
import org.freezedesk.review.ReviewService;
import org.freezedesk.security.StaffUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Legal review for a legal officer's own tools: the same queue, request and decision as the review pages, with the
 * same rules (only agencies the officer's unit serves, never one's own filing, a reason for every reject or return).
 */
@RestController
@RequestMapping("/api/v1/reviews")
@Tag(name = "Legal review", description = "Requests waiting for a legal officer's decision (role LEGAL)")
class ReviewApiController {

    record ReviewSummary(String id, OffsetDateTime waitingSince, String reference, String title, String agency,
            int sequenceNumber, Urgency urgency, String filedBy, int targetCount) {

        static ReviewSummary of(ReviewItem item) {
            return new ReviewSummary(item.taskId(), item.waitingSince().toInstant().atOffset(ZoneOffset.UTC),
                    item.freezeCase().reference(), item.freezeCase().title(), item.request().agency(),
                    item.request().sequenceNumber(), item.request().urgency(), item.request().filedBy(), item.targetCount());
        }
    }

    record ReviewTarget(long id, int line, String chain, String asset, String address, String amount, String txHashes,
            String note) {

        static ReviewTarget of(Target t) {
            return new ReviewTarget(t.id(), t.lineNumber(), t.chain(), t.asset(), t.address(), t.amountText(), t.txHashes(), t.note());
        }
    }

    record ReviewDocument(String id, OffsetDateTime waitingSince, String reference, String title, String agency,
            String incidentSummary, String victim, LocalDate theftDate, int sequenceNumber, boolean supplementary,
            String legalBasis, String courtOrderReference, String mlatReference, Urgency urgency, String filedBy,
            OffsetDateTime filedAt, boolean ownRequest, int targetCount, List<RoutingLine> routing,
            List<LegalDecision> decisions, CursorPage<ReviewTarget> targets) {
    }

    record DecisionDocument(String id, String reference, int sequenceNumber, ReviewDecision decision, String comment,
            FreezeRequestState state) {
    }

    private final ReviewService reviewService;
    private final CaseRepository cases;
    private final LegalDecisionRepository decisions;
    private final SmartValidator beanValidator;

    ReviewApiController(ReviewService reviewService, CaseRepository cases, LegalDecisionRepository decisions,
            SmartValidator beanValidator) {
        this.reviewService = reviewService;
        this.cases = cases;
        this.decisions = decisions;
        this.beanValidator = beanValidator;
    }

    @GetMapping
    @Operation(summary = "The review queue",
            description = "Requests of the agencies the caller's legal unit serves, waiting longest first, a page at a time.")
    CursorPage<ReviewSummary> queue(@Parameter(description = "next of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal StaffUser user) {
        return CursorPage.of(reviewService.queue(user).stream().map(ReviewSummary::of).toList(),
                ReviewApiController::queueKey, cursor, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request under review",
            description = "The request, its case, where its targets go, earlier decisions, and its targets a page at a time.")
    ReviewDocument review(@PathVariable String id,
            @Parameter(description = "next of the targets' page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "targets per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal StaffUser user) {
        ReviewItem item = reviewService.item(id, user);
        var request = item.request();
        var freezeCase = item.freezeCase();
        return new ReviewDocument(item.taskId(), item.waitingSince().toInstant().atOffset(ZoneOffset.UTC), freezeCase.reference(),
                freezeCase.title(), request.agency(), freezeCase.incidentSummary(), freezeCase.victim(), freezeCase.theftDate(),
                request.sequenceNumber(), !request.original(), request.legalBasis(), request.courtOrderReference(),
                request.mlatReference(), request.urgency(), request.filedBy(), request.filedAt(),
                request.filedBy().equals(user.getUsername()), item.targetCount(), cases.routingLines(request.id()),
                decisions.forRequest(request.id()),
                CursorPage.of(cases.targetsOf(request.id()).stream().map(ReviewTarget::of).toList(),
                        t -> CursorPage.key(t.line()), cursor, limit));
    }

    @PostMapping("/{id}/decision")
    @Operation(summary = "Decide on a request under review",
            description = "APPROVE sends it to the counterparties; REJECT ends it; RETURN sends it back to the filer to amend. "
                    + "A comment is required to reject or return. The filer of the request cannot decide on it (403, four eyes); "
                    + "a review decided meanwhile answers 409.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DecisionForm.class),
            examples = @ExampleObject(value = "{\"decision\": \"RETURN\", \"comment\": \"Attach the court order for target 3\"}")))
    @ApiResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = DecisionDocument.class)))
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody DecisionForm form, @AuthenticationPrincipal StaffUser user) {
        ReviewItem item = reviewService.openItem(id, user);
        BindingResult result = new BeanPropertyBindingResult(form, "decision");
        beanValidator.validate(form, result);
        if (form.getDecision() == ReviewDecision.RETURN && !item.mayReturn()) {
            result.rejectValue("decision", "noReturn", "An emergency request is approved or rejected, not returned");
        }
        if (form.getDecision() != null && form.getDecision() != ReviewDecision.APPROVE
                && (form.getComment() == null || form.getComment().isBlank())) {
            result.rejectValue("comment", "required", "Say why, so the filer knows what to change");
        }
        if (result.hasErrors()) {
            return Problems.badRequest(result);
        }
        reviewService.decide(id, form, user);
        FreezeRequestState state = cases.request(item.request().id()).state();
        List<LegalDecision> recorded = decisions.forRequest(item.request().id());
        return ResponseEntity.ok(new DecisionDocument(id, item.freezeCase().reference(), item.request().sequenceNumber(),
                form.getDecision(), recorded.get(recorded.size() - 1).comment(), state));
    }

    private static String queueKey(ReviewSummary summary) {
        return CursorPage.key(summary.waitingSince().toInstant().toEpochMilli()) + ":" + summary.id();
    }
}
