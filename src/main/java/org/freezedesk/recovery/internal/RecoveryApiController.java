package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeCaseService;
import org.freezedesk.input.CursorPage;
import org.freezedesk.input.Problems;
import org.freezedesk.review.DecisionForm;
import org.freezedesk.review.ReviewDecision;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recovery instructions for agencies' and legal officers' own tools: the agency files them on its case and reads them,
 * legal reviews them (and withdrawals), with the same checks, four eyes and service as the pages.
 */
@RestController
@Tag(name = "Recoveries", description = "Recovery instructions: filed by the case's agency (role AGENCY), reviewed by legal (role LEGAL)")
class RecoveryApiController {

    record InstructionDocument(long id, String reference, long counterpartyRequestId, String counterparty, long targetId,
            String chain, String asset, String targetAddress, Instrument instrument, String instrumentReference,
            LocalDate instrumentDate, RecoveryMethod method, String destinationAddress, String amount, RecoveryState state,
            String filedBy, OffsetDateTime filedAt, String reviewedBy, String reviewComment, OffsetDateTime notifiedAt,
            OffsetDateTime dueAt, OffsetDateTime answeredAt, String transferTxHash, String transferredAmount,
            LocalDate transferredOn, String declineReason, String withdrawalRequestedBy, String withdrawalReason) {

        static InstructionDocument of(RecoveryInstruction i) {
            return new InstructionDocument(i.id(), i.caseReference(), i.counterpartyRequestId(), i.counterpartyName(), i.targetId(),
                    i.chain(), i.asset(), i.targetAddress(), i.instrument(), i.instrumentReference(), i.instrumentDate(), i.method(),
                    i.destinationAddress(), i.amountText(), i.state(), i.filedBy(), i.filedAt(), i.reviewedBy(), i.reviewComment(),
                    i.notifiedAt(), i.dueAt(), i.answeredAt(), i.transferTxHash(),
                    i.transferredAmount() == null ? null : i.transferredAmountText(), i.transferredOn(), i.declineReason(),
                    i.withdrawalRequestedBy(), i.withdrawalReason());
        }
    }

    /** A frozen target that can be recovered; {@code holding} is what an instruction names. */
    record HoldingDocument(String holding, long counterpartyRequestId, String counterparty, long targetId, int requestSequence,
            int line, String chain, String asset, String address, String frozenAmount, String available) {

        static HoldingDocument of(FrozenHolding h) {
            return new HoldingDocument(h.counterpartyRequestId() + ":" + h.targetId(), h.counterpartyRequestId(), h.counterpartyName(),
                    h.targetId(), h.requestSequence(), h.lineNumber(), h.chain(), h.asset(), h.address(), plain(h.frozenAmount()),
                    plain(h.available()));
        }
    }

    record RecoveryReviewDocument(String id, OffsetDateTime waitingSince, boolean withdrawal, boolean ownInstruction,
            InstructionDocument instruction) {
    }

    private final FreezeCaseService freezeCaseService;
    private final RecoveryRepository recoveries;
    private final InstructionValidator validator;
    private final RecoveryService recoveryService;
    private final SmartValidator beanValidator;

    RecoveryApiController(FreezeCaseService freezeCaseService, RecoveryRepository recoveries, InstructionValidator validator,
            RecoveryService recoveryService, SmartValidator beanValidator) {
        this.freezeCaseService = freezeCaseService;
        this.recoveries = recoveries;
        this.validator = validator;
        this.recoveryService = recoveryService;
        this.beanValidator = beanValidator;
    }

    @GetMapping("/api/v1/cases/{reference}/recoveries")
    @Operation(summary = "A case's recovery instructions", description = "Oldest first, a page at a time, with what became of each.")
    CursorPage<InstructionDocument> instructions(@PathVariable String reference,
            @Parameter(description = "next of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal StaffUser user) {
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        return CursorPage.of(recoveries.forCase(freezeCase.id()).stream().map(InstructionDocument::of).toList(),
                i -> CursorPage.key(i.id()), cursor, limit);
    }

    @GetMapping("/api/v1/cases/{reference}/recoveries/holdings")
    @Operation(summary = "What a case can recover", description = "Its frozen targets per counterparty, with the amount not yet "
            + "instructed; an instruction names one by its holding.")
    CursorPage<HoldingDocument> holdings(@PathVariable String reference,
            @Parameter(description = "next of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal StaffUser user) {
        FreezeCase freezeCase = freezeCaseService.changeableCase(reference, user);
        return CursorPage.of(recoveries.frozenHoldings(freezeCase.id()).stream().map(HoldingDocument::of).toList(),
                h -> CursorPage.key(h.counterpartyRequestId()) + ":" + CursorPage.key(h.targetId()), cursor, limit);
    }

    @GetMapping("/api/v1/cases/{reference}/recoveries/{id}")
    @Operation(summary = "A recovery instruction", description = "Its review, notification and the counterparty's answer.")
    InstructionDocument instruction(@PathVariable String reference, @PathVariable long id, @AuthenticationPrincipal StaffUser user) {
        FreezeCase freezeCase = freezeCaseService.visibleCase(reference, user);
        return recoveries.forCase(freezeCase.id()).stream().filter(i -> i.id() == id).findFirst().map(InstructionDocument::of)
                .orElseThrow(() -> new RecoveryNotFoundException(id));
    }

    @PostMapping("/api/v1/cases/{reference}/recoveries")
    @Operation(summary = "File a recovery instruction", description = "For a frozen holding of the case (see holdings): the legal "
            + "instrument, how the funds come back (TRANSFER to destinationAddress, or BURN_AND_REISSUE at an issuer) and the "
            + "amount, at most what is frozen and not yet instructed. It goes to legal review. 201 with its Location.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = InstructionForm.class),
            examples = @ExampleObject(value = "{\"holding\": \"12:345\", \"instrument\": \"SEIZURE_WARRANT\", \"instrumentReference\": "
                    + "\"SW-2026-4\", \"instrumentDate\": \"2026-03-02\", \"method\": \"TRANSFER\", \"destinationAddress\": "
                    + "\"0x52908400098527886E0F7030069857D2E4169EE7\", \"amount\": \"400\"}")))
    @ApiResponse(responseCode = "201", description = "Filed, in legal review",
            content = @Content(schema = @Schema(implementation = InstructionDocument.class)))
    ResponseEntity<?> file(@PathVariable String reference, @RequestBody InstructionForm form, @AuthenticationPrincipal StaffUser user) {
        FreezeCase freezeCase = freezeCaseService.changeableCase(reference, user);
        BindingResult result = new BeanPropertyBindingResult(form, "instruction");
        beanValidator.validate(form, result);
        Optional<NewInstruction> instruction = validator.validate(freezeCase.id(), form, result);
        if (instruction.isEmpty()) {
            return Problems.badRequest(result);
        }
        long id = recoveryService.file(freezeCase, instruction.get(), user);
        return ResponseEntity.created(URI.create("/api/v1/cases/" + freezeCase.reference() + "/recoveries/" + id))
                .body(InstructionDocument.of(recoveries.find(id)));
    }

    @GetMapping("/api/v1/recovery-reviews")
    @Operation(summary = "The recovery review queue", description = "Instructions and withdrawals of the agencies the caller's "
            + "legal unit serves, waiting longest first, a page at a time.")
    CursorPage<RecoveryReviewDocument> queue(@Parameter(description = "next of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit,
            @AuthenticationPrincipal StaffUser user) {
        return CursorPage.of(recoveryService.queue(user).stream().map(task -> document(task, user)).toList(),
                r -> CursorPage.key(r.waitingSince().toInstant().toEpochMilli()) + ":" + r.id(), cursor, limit);
    }

    @GetMapping("/api/v1/recovery-reviews/{id}")
    @Operation(summary = "A recovery instruction, or its withdrawal, under review")
    RecoveryReviewDocument review(@PathVariable String id, @AuthenticationPrincipal StaffUser user) {
        return document(recoveryService.reviewTask(id, user), user);
    }

    @PostMapping("/api/v1/recovery-reviews/{id}/decision")
    @Operation(summary = "Decide on a recovery instruction or its withdrawal", description = "An instruction is approved (the "
            + "counterparty is mailed), rejected or returned to the filer to amend; a withdrawal is approved or rejected. A comment "
            + "is required to reject or return. Neither the filer nor whoever asked to withdraw may decide (403, four eyes).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DecisionForm.class),
            examples = @ExampleObject(value = "{\"decision\": \"APPROVE\", \"comment\": \"\"}")))
    @ApiResponse(responseCode = "200", description = "Recorded; the instruction as it is now",
            content = @Content(schema = @Schema(implementation = InstructionDocument.class)))
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody DecisionForm form, @AuthenticationPrincipal StaffUser user) {
        RecoveryService.ReviewTask task = recoveryService.reviewTask(id, user);
        BindingResult result = new BeanPropertyBindingResult(form, "decision");
        beanValidator.validate(form, result);
        if (task.withdrawal() && form.getDecision() == ReviewDecision.RETURN) {
            result.rejectValue("decision", "noReturn", "A withdrawal is approved or rejected");
        }
        if ((form.getDecision() == ReviewDecision.REJECT || form.getDecision() == ReviewDecision.RETURN)
                && (form.getComment() == null || form.getComment().isBlank())) {
            result.rejectValue("comment", "required", "Say why, so the filer knows what to change");
        }
        if (result.hasErrors()) {
            return Problems.badRequest(result);
        }
        String comment = form.getComment() == null || form.getComment().isBlank() ? null : form.getComment().strip();
        recoveryService.decide(id, form.getDecision(), comment, user);
        return ResponseEntity.ok(InstructionDocument.of(recoveries.find(task.instruction().id())));
    }

    private static RecoveryReviewDocument document(RecoveryService.ReviewTask task, StaffUser user) {
        RecoveryInstruction instruction = task.instruction();
        boolean own = instruction.filedBy().equals(user.getUsername())
                || (task.withdrawal() && user.getUsername().equals(instruction.withdrawalRequestedBy()));
        return new RecoveryReviewDocument(task.taskId(), task.createdAt().toInstant().atOffset(ZoneOffset.UTC), task.withdrawal(), own,
                InstructionDocument.of(instruction));
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }
}
