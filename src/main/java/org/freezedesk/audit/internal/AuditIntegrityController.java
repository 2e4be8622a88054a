package org.freezedesk.audit.internal;

import org.freezedesk.audit.ChainHead;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Verification of the whole audit chain for auditors, and the chain head to keep outside the system. */
@Controller
@RequestMapping("/audit")
class AuditIntegrityController {

    private final AuditIntegrity integrity;

    AuditIntegrityController(AuditIntegrity integrity) {
        this.integrity = integrity;
    }

    /** {@code head}: a chain head kept from earlier, {@code <event id>:<hash>}, to check the log against. */
    @GetMapping("/integrity")
    String integrity(@RequestParam(required = false) String head, Model model) {
        model.addAttribute("keptHead", head);
        if (head != null && !head.isBlank()) {
            try {
                model.addAttribute("verification", integrity.verify(ChainHead.parse(head)));
            } catch (ChainHead.InvalidChainHeadException e) {
                model.addAttribute("headError", e.getMessage());
            }
        } else {
            model.addAttribute("verification", integrity.verify(null));
        }
        return "audit/integrity";
    }

    @GetMapping("/chain-head.txt")
    ResponseEntity<String> chainHead() {
        ChainHead head = integrity.head();
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("freezedesk-chain-head.txt").build().toString())
                .body(head.text() + "\n");
    }
}
