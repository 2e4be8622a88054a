package org.freezedesk.audit.internal;

import org.freezedesk.audit.AuditRepository;
import org.freezedesk.audit.ChainHead;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Proves, or disproves, that the audit log is as it was written. */
@Service
public class AuditIntegrity {

    private final AuditRepository repository;

    public AuditIntegrity(AuditRepository repository) {
        this.repository = repository;
    }

    /**
     * Walks the whole chain. One snapshot for head and events, so appends running meanwhile are neither
     * half seen nor mistaken for tampering. {@code kept}: a head exported earlier, or null.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify(ChainHead kept) {
        ChainHead stored = repository.head();
        ChainVerifier verifier = new ChainVerifier(stored, kept);
        repository.walk(verifier::accept);
        return verifier.result();
    }

    public ChainHead head() {
        return repository.head();
    }
}
