package org.freezedesk.audit.internal;

import org.freezedesk.audit.AuditLog;
import org.freezedesk.security.AccountAuditTrail;
import org.springframework.stereotype.Component;

/** Records the security module's changes in the same chain as every other change. */
@Component
class AccountAuditRecorder implements AccountAuditTrail {

    private final AuditLog audit;

    AccountAuditRecorder(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void record(String action, String objectType, Object objectId, String before, String after) {
        audit.record(action, objectType, objectId, null, before, after);
    }
}
