package org.freezedesk.audit.internal;

import org.freezedesk.audit.AuditHeadKeys;
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
    private final AuditHeadKeys keys;
    private final AuditHeadExport headExport;

    AuditIntegrityController(AuditIntegrity integrity, AuditHeadKeys keys, AuditHeadExport headExport) {
        this.integrity = integrity;
        this.keys = keys;
        this.headExport = headExport;
    }

    /** {@code head}: a chain head kept from earlier, {@code <event id>:<hash>} or signed, to check the log against. */
    @GetMapping("/integrity")
    String integrity(@RequestParam(required = false) String head, Model model) {
        model.addAttribute("keptHead", head);
        if (head != null && !head.isBlank()) {
            try {
                model.addAttribute("verification", integrity.verify(keys.kept(head)));
            } catch (ChainHead.InvalidChainHeadException e) {
                model.addAttribute("headError", e.getMessage());
            }
        } else {
            model.addAttribute("verification", integrity.verify(null));
        }
        return "audit/integrity";
    }

    /** The current head signed with FreezeDesk's key, to keep outside the system. */
    @GetMapping("/signed-head.txt")
    ResponseEntity<String> signedHead() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("freezedesk-signed-head.txt").build().toString())
                .body(headExport.current().text());
    }

    @GetMapping("/chain-head.txt")
    ResponseEntity<String> chainHead() {
        ChainHead head = integrity.head();
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("freezedesk-chain-head.txt").build().toString())
                .body(head.text() + "\n");
    }
}
