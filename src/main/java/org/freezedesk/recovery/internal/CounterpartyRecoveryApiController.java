package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
class CounterpartyRecoveryApiController {

    /** What the portal page shows of an instruction; amounts are strings so that no client reads them as floating point. */
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
    CursorPage<InstructionDocument> list(@AuthenticationPrincipal CounterpartyClient client,
            @RequestParam(required = false) RecoveryState state, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(recoveries.sentTo(client.counterpartyId(), state, CursorPage.afterId(cursor), size + 1).stream()
                .map(InstructionDocument::of).toList(), size, InstructionDocument::id);
    }

    @GetMapping("/{id}")
    ResponseEntity<?> read(@AuthenticationPrincipal CounterpartyClient client, @PathVariable long id) {
        return recoveries.sentTo(client.counterpartyId(), id).<ResponseEntity<?>>map(i -> ResponseEntity.ok(InstructionDocument.of(i)))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No recovery instruction " + id + " was sent to you", List.of()));
    }

    @PostMapping("/{id}/transfer")
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
