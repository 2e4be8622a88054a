package org.freezedesk.audit.internal;

import org.freezedesk.audit.ChainHead;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The audit chain for machines: verification and the head, read-only. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

    record Problem(String error) {
    }

    private final AuditIntegrity integrity;

    AuditApiController(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    /** 200 with {@code intact} true or false; {@code head}: a chain head kept from earlier to check against. */
    @GetMapping("/verify")
    Verification verify(@RequestParam(required = false) String head) {
        return integrity.verify(head == null || head.isBlank() ? null : ChainHead.parse(head));
    }

    @GetMapping("/head")
    ChainHead head() {
        return integrity.head();
    }

    @ExceptionHandler(ChainHead.InvalidChainHeadException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    Problem badHead(ChainHead.InvalidChainHeadException e) {
        return new Problem(e.getMessage());
    }
}
