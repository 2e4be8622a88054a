package org.freezedesk.directory.internal;

import org.freezedesk.audit.AuditLog;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
import org.freezedesk.input.NotOpenException;
import org.freezedesk.security.ApiKeyForm;
import org.freezedesk.security.ApiKeys;
import org.freezedesk.security.IssuedKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the counterparty directory, each recorded in the audit log with what it was before. */
@Service
class DirectoryService {

    private final CounterpartyRepository counterparties;
    private final AuditLog audit;
    private final ApiKeys keys;

    DirectoryService(CounterpartyRepository counterparties, AuditLog audit, ApiKeys keys) {
        this.counterparties = counterparties;
        this.audit = audit;
        this.keys = keys;
    }

    @Transactional
    long create(NewCounterparty counterparty) {
        long id = counterparties.create(counterparty.name(), counterparty.kind(), counterparty.jurisdiction(),
                counterparty.responseSlaHours(), counterparty.active(), counterparty.legalRequirements());
        saveRows(id, counterparty);
        audit.record("COUNTERPARTY_CREATED", "counterparty", id, null, null, counterparty.describe());
        return id;
    }

    /** Deactivating a counterparty also revokes its API keys: its system stops reaching its requests at once. */
    @Transactional
    void update(long id, NewCounterparty counterparty, String changedBy) {
        Counterparty before = counterparties.lock(id).orElseThrow(() -> new CounterpartyNotFoundException(id));
        String described = describe(before);
        counterparties.update(id, counterparty.name(), counterparty.kind(), counterparty.jurisdiction(),
                counterparty.responseSlaHours(), counterparty.active(), counterparty.legalRequirements());
        counterparties.deleteContacts(id);
        counterparties.deleteAssets(id);
        saveRows(id, counterparty);
        audit.record("COUNTERPARTY_UPDATED", "counterparty", id, null, described, counterparty.describe());
        if (before.active() && !counterparty.active()) {
            keys.revokeAllOfCounterparty(id, changedBy);
        }
    }

    /**
     * A key for an active counterparty's system. Its row stays locked while its keys are counted, so that keys created
     * at once are counted one after the other, and a deactivation waits for the key it then revokes.
     */
    @Transactional
    IssuedKey issueKey(long id, ApiKeyForm form, String issuedBy) {
        Counterparty counterparty = counterparties.lock(id).orElseThrow(() -> new CounterpartyNotFoundException(id));
        if (!counterparty.active()) {
            throw new NotOpenException(counterparty.name() + " is inactive: activate it in the directory before issuing it a key");
        }
        return keys.createForCounterparty(id, form, issuedBy);
    }

    private void saveRows(long id, NewCounterparty counterparty) {
        counterparty.contacts().forEach(c -> counterparties.addContact(id, c.name(), c.email(), c.primary()));
        counterparty.assets().forEach(a -> counterparties.addAsset(id, a.chain(), a.asset(), a.tokenContract()));
    }

    private String describe(Counterparty c) {
        return new NewCounterparty(c.name(), c.kind(), c.jurisdiction(), c.responseSlaHours(), c.legalRequirements(), c.active(),
                counterparties.contacts(c.id()).stream().map(k -> new NewCounterparty.NewContact(k.name(), k.email(), k.primary())).toList(),
                counterparties.assets(c.id())).describe();
    }
}
