package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.audit.Actor;
import org.freezedesk.input.CursorPage;
import org.freezedesk.security.CounterpartyClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.SmartValidator;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A counterparty's own system, with one of its keys: the recovery instructions sent to that counterparty, and
 * its confirmation of a transfer or its refusal, checked as in the portal. Another counterparty's instruction
 * answers 404.
 */
@RestController
@RequestMapping("/api/v1/counterparty/recoveries")
@Tag(name = "Counterparty recoveries", description = "The recovery instructions sent to a counterparty, with one of its API keys")
class CounterpartyRecoveryApiController {

    /**
     * What the portal page shows of an instruction; amounts are strings so that no client reads them as floating point.
     * Named apart from the staff's {@code InstructionDocument}, which holds more.
     */
    @Schema(name = "CounterpartyInstruction")
    record InstructionDocument(long id, long counterpartyRequestId, String caseReference, RecoveryState state, String chain,
            String asset, String targetAddress, Instrument instrument, String instrumentReference, LocalDate instrumentDate,
            RecoveryMethod method, String destinationAddress, String amount, OffsetDateTime notifiedAt, OffsetDateTime dueAt,
            OffsetDateTime answeredAt, String answeredByName, String transferTxHash, String transferredAmount,
            LocalDate transferredOn, String declineReason) {

        static InstructionDocument of(RecoveryInstruction i) {
            return new InstructionDocument(i.id(), i.counterpartyRequestId(), i.caseReference(), i.state(), i.chain(), i.asset(),
                    i.targetAddress(), i.instrument(), i.instrumentReference(), i.instrumentDate(), i.method(),
                    i.destinationAddress(), i.amountText(), i.notifiedAt(), i.dueAt(), i.answeredAt(), i.answeredByName(),
                    i.transferTxHash(), i.transferredAmount() == null ? null : i.transferredAmountText(), i.transferredOn(),
                    i.declineReason());
        }
    }

    private final RecoveryRepository recoveries;
    private final RecoveryService recoveryService;
    private final TransferCheck transferCheck;
    private final SmartValidator beanValidator;

    CounterpartyRecoveryApiController(RecoveryRepository recoveries, RecoveryService recoveryService, TransferCheck transferCheck,
            SmartValidator beanValidator) {
        this.recoveries = recoveries;
        this.recoveryService = recoveryService;
        this.transferCheck = transferCheck;
        this.beanValidator = beanValidator;
    }

    @GetMapping
    @Operation(summary = "The recovery instructions sent to the counterparty", description = "Oldest first, a page at a time, "
            + "filtered by state.")
    CursorPage<InstructionDocument> list(@AuthenticationPrincipal CounterpartyClient client,
            @RequestParam(required = false) RecoveryState state,
            @Parameter(description = "next of the page before") @RequestParam(required = false) String cursor,
            @Parameter(description = "items per page, 1 to 200 (50)") @RequestParam(required = false) Integer limit) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(recoveries.sentTo(client.counterpartyId(), state, CursorPage.afterId(cursor), size + 1).stream()
                .map(InstructionDocument::of).toList(), size, InstructionDocument::id);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A recovery instruction sent to the counterparty", description = "The legal instrument, how the funds "
            + "come back, the amount and deadline, and the answer once given.")
    @ApiResponse(responseCode = "200", description = "The instruction",
            content = @Content(schema = @Schema(implementation = InstructionDocument.class)))
    ResponseEntity<?> read(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id) {
        return recoveries.sentTo(client.counterpartyId(), id).<ResponseEntity<?>>map(i -> ResponseEntity.ok(InstructionDocument.of(i)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No recovery instruction " + id + " was sent to you", List.of()));
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Confirm the transfer", description = "Who confirms, the transaction hash, the amount transferred and "
            + "the date, checked as in the portal. An instruction is answered once (409 after).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = TransferForm.class),
            examples = @ExampleObject(value = "{\"name\": \"Jo Compliance\", \"txHash\": "
                    + "\"0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\", \"amount\": \"400\", "
                    + "\"transferredOn\": \"2026-03-09\"}")))
    @ApiResponse(responseCode = "200", description = "Confirmed; the instruction as it is now",
            content = @Content(schema = @Schema(implementation = InstructionDocument.class)))
    ResponseEntity<?> confirm(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id,
            @RequestBody TransferForm form) {
        Optional<RecoveryInstruction> found = recoveries.sentTo(client.counterpartyId(), id);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No recovery instruction " + id + " was sent to you", List.of());
        }
        BindingResult result = new BeanPropertyBindingResult(form, "transfer");
        beanValidator.validate(form, result);
        Optional<TransferCheck.Transfer> transfer = transferCheck.check(found.get(), form, result);
        if (transfer.isEmpty()) {
            return badRequest(result);
        }
        recoveryService.confirmTransfer(found.get(), form.getName().strip(), transfer.get().txHash(), transfer.get().amount(),
                transfer.get().transferredOn(), actor(found.get()));
        return ResponseEntity.ok(InstructionDocument.of(recoveries.find(id)));
    }

    @PostMapping("/{id}/decline")
    @Operation(summary = "Decline the instruction", description = "Who declines and why. An instruction is answered once "
            + "(409 after).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = DeclineForm.class),
            examples = @ExampleObject(value = "{\"name\": \"Jo Compliance\", \"reason\": \"The funds were moved before the freeze\"}")))
    @ApiResponse(responseCode = "200", description = "Declined; the instruction as it is now",
            content = @Content(schema = @Schema(implementation = InstructionDocument.class)))
    ResponseEntity<?> decline(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id,
            @RequestBody DeclineForm form) {
        Optional<RecoveryInstruction> found = recoveries.sentTo(client.counterpartyId(), id);
        if (found.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "No recovery instruction " + id + " was sent to you", List.of());
        }
        BindingResult result = new BeanPropertyBindingResult(form, "decline");
        beanValidator.validate(form, result);
        if (result.hasErrors()) {
            return badRequest(result);
        }
        recoveryService.decline(found.get(), form.getName().strip(), form.getReason().strip(), actor(found.get()));
        return ResponseEntity.ok(InstructionDocument.of(recoveries.find(id)));
    }

    @ExceptionHandler(AlreadyAnsweredException.class)
    ResponseEntity<ProblemDetail> alreadyAnswered(AlreadyAnsweredException e) {
        return problem(HttpStatus.CONFLICT, "This instruction was already answered, or no longer takes an answer", List.of());
    }

    private static Actor actor(RecoveryInstruction instruction) {
        return Actor.counterparty(instruction.counterpartyName(), instruction.counterpartyRequestId());
    }

    private static ResponseEntity<ProblemDetail> badRequest(BindingResult result) {
        List<Map<String, String>> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, "Nothing was stored: correct the fields named in errors", errors);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
