package org.freezedesk.audit.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.freezedesk.audit.AuditHeadKeys;
import org.freezedesk.audit.ChainHead;
import org.freezedesk.input.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit chain for machines: verification and the head, read-only. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "The audit chain, read-only (role AUDITOR)")
class AuditApiController {

    private final AuditIntegrity integrity;
    private final AuditHeadKeys keys;

    AuditApiController(AuditIntegrity integrity, AuditHeadKeys keys) {
        this.integrity = integrity;
        this.keys = keys;
    }

    /** 200 with {@code intact} true or false; {@code head}: a chain head kept from earlier ({@code ID:HASH} or signed) to check against. */
    @GetMapping("/verify")
    @Operation(summary = "Verify the audit chain", description = "200 with intact true or false and, when broken, the first event "
            + "that diverges; head: a chain head kept from earlier (ID:HASH, or a signed head) to verify against.")
    Verification verify(@RequestParam(required = false) String head) {
        return integrity.verify(head == null || head.isBlank() ? null : keys.kept(head));
    }

    @GetMapping("/head")
    @Operation(summary = "The chain head now", description = "The last event's id and hash, and the number of events.")
    ChainHead head() {
        return integrity.head();
    }

    @ExceptionHandler(ChainHead.InvalidChainHeadException.class)
    ResponseEntity<ProblemDetail> badHead(ChainHead.InvalidChainHeadException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "head", e.getMessage());
    }
}
