package org.freezedesk.audit.internal;

import org.freezedesk.audit.SignedHead;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An operator exports the signed chain head now, to its file and the auditors' mail, rather than waiting for
 * the scheduled export (before a migration or a key rotation, say). Auditors read; they export nothing.
 */
@Controller
class AuditHeadExportController {

    private final AuditHeadExport headExport;

    AuditHeadExportController(AuditHeadExport headExport) {
        this.headExport = headExport;
    }

    @PostMapping("/admin/audit-head")
    String export(RedirectAttributes redirect) {
        SignedHead signed = headExport.export();
        redirect.addFlashAttribute("message", "Signed audit chain head " + signed.head().text() + " exported.");
        return "redirect:/admin/mail";
    }
}
