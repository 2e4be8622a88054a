package org.freezedesk.cases.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Caip10Check;
import org.freezedesk.address.Chain;
import org.freezedesk.audit.AuditKey;
import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.input.InputPolicy;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index of every address under request across cases (README, "Address index"): which other agency's discoverable
 * case targets the filer's addresses, asks to join such a case, and whether a case is discoverable at all.
 * <p>
 * An undiscoverable case must not show, not even by timing. Every look-up is therefore a fixed number of statements
 * for its input (one per {@link #BATCH} addresses) that filter discoverability in SQL; what comes back is folded per
 * case, work done only for rows another agency may see anyway.
 */
@Service
public class AddressIndex {

    /** The most addresses one call to the check API takes. */
    public static final int MAX_CHECKED = 100;
    /** Addresses per statement: one index look-up each. */
    static final int BATCH = 100;
    /** The most matched targets a case page or import preview shows. */
    static final int MAX_SHOWN = 200;
    public static final int MAX_REASON = 1000;
    /** Hex digits of a match handle: 128 bits of an HMAC. */
    static final int HANDLE_LENGTH = 32;

    private final AddressIndexRepository repository;
    private final AddressValidator addresses;
    private final AuditKey key;
    private final AuditLog audit;
    private final CasePermissions permissions;
    private final TransactionTemplate transaction;

    AddressIndex(AddressIndexRepository repository, AddressValidator addresses, AuditKey key, AuditLog audit,
            CasePermissions permissions, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.addresses = addresses;
        this.key = key;
        this.audit = audit;
        this.permissions = permissions;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The account a row names, normalized; empty when it names none validly (the form or API reports why elsewhere). */
    Optional<IndexedAddress> indexed(String chain, String address, String caip10) {
        if (caip10 != null && !caip10.isBlank()) {
            Caip10Check check = addresses.checkCaip10(caip10);
            return check.valid() ? Optional.of(new IndexedAddress(check.account().chain(), check.account().address())) : Optional.empty();
        }
        Optional<Chain> parsed = Chain.parse(chain);
        if (parsed.isEmpty() || address == null) {
            return Optional.empty();
        }
        AddressCheck check = addresses.checkAddress(parsed.get(), address);
        return check.valid() ? Optional.of(new IndexedAddress(parsed.get(), check.normalized())) : Optional.empty();
    }

    /** The filer's addresses targeted in other agencies' discoverable cases; only AGENCY users of an agency may ask. */
    public List<CrossCaseMatch> check(StaffUser filer, Collection<IndexedAddress> accounts) {
        String agency = filingAgency(filer);
        List<IndexedAddress> distinct = accounts.stream().distinct().toList();
        List<AddressIndexRepository.MatchedTarget> rows = new ArrayList<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            rows.addAll(repository.matches(distinct.subList(from, Math.min(distinct.size(), from + BATCH)), agency));
        }
        return folded(rows, agency);
    }

    /** The typed rows of a filing or amendment form, as far as they name an account validly. */
    List<CrossCaseMatch> ofForm(StaffUser filer, FilingForm form) {
        List<IndexedAddress> typed = form.getTargets().stream().filter(Objects::nonNull).limit(InputPolicy.MAX_FORM_ROWS)
                .map(row -> indexed(row.getChain(), row.getAddress(), row.getCaip10())).flatMap(Optional::stream).toList();
        return check(filer, typed);
    }

    /** The valid lines of a checked import. */
    List<CrossCaseMatch> ofImport(StaffUser filer, String importId) {
        String agency = filingAgency(filer);
        return folded(repository.matchesOfImport(importId, agency, MAX_SHOWN), agency);
    }

    /** The targets of the filer's own case that other agencies' discoverable cases target too. */
    List<CrossCaseMatch> ofCase(StaffUser filer, FreezeCase freezeCase) {
        String agency = filingAgency(filer);
        return folded(repository.matchesOfCase(freezeCase.id(), agency, MAX_SHOWN), agency);
    }

    /** One match per account and case, with the strongest state; in the order the rows came. */
    private List<CrossCaseMatch> folded(List<AddressIndexRepository.MatchedTarget> rows, String askingAgency) {
        Map<String, AddressIndexRepository.MatchedTarget> strongest = new LinkedHashMap<>();
        for (AddressIndexRepository.MatchedTarget row : rows) {
            strongest.merge(row.chain() + ":" + row.address() + "|" + row.caseId(), row,
                    (a, b) -> b.state().weight() > a.state().weight() ? b : a);
        }
        return strongest.values().stream().map(row -> {
            IndexedAddress account = new IndexedAddress(Chain.valueOf(row.chain()), row.address());
            return new CrossCaseMatch(row.chain(), row.address(), account.caip10(), row.agency(), row.state(),
                    handle(row.caseId(), askingAgency));
        }).toList();
    }

    /** Names the case for one asking agency: an HMAC under the audit key, domain-separated from the audit record's own. */
    private String handle(long caseId, String askingAgency) {
        return key.seal("address-index-match-handle\n" + caseId + "\n" + askingAgency).substring(0, HANDLE_LENGTH);
    }

    /**
     * Asks the agency of the case behind {@code handle} (which must still target {@code about}) to invite the asker's
     * agency. Once per case and asking agency, even when 16 ask at once on two nodes: the later ones get the first ask.
     */
    public AskResult ask(StaffUser asker, IndexedAddress about, String handle, String reason) {
        String agency = filingAgency(asker);
        Optional<AddressIndexRepository.MatchedTarget> match = repository.matches(List.of(about), agency).stream()
                .filter(row -> handle(row.caseId(), agency).equals(handle)).findFirst();
        if (match.isEmpty()) {
            return new AskResult(null, false, true);
        }
        long caseId = match.get().caseId();
        try {
            long id = transaction.execute(status -> {
                long inserted = repository.insertAsk(caseId, agency, about, reason, asker.getUsername());
                JoinAsk ask = repository.ask(inserted).orElseThrow();
                audit.record("JOIN_ASKED", "JOIN_ASK", inserted, ask.caseReference(), null,
                        "asking agency: " + agency + "; address: " + about.caip10() + "; reason: " + reason);
                return inserted;
            });
            return new AskResult(repository.ask(id).orElseThrow(), true, false);
        } catch (DuplicateKeyException alreadyAsked) {
            return new AskResult(repository.ask(caseId, agency).orElseThrow(), false, false);
        }
    }

    /** The ask, whether this call made it, or no case behind the handle targets that address (any more). */
    public record AskResult(JoinAsk ask, boolean created, boolean unknownMatch) {
    }

    /**
     * The case's agency invited {@code agency} (in the caller's transaction): an open ask of that agency is answered by
     * it, so it leaves the lead's list and the asker sees it invited.
     */
    public void invited(FreezeCase freezeCase, String agency, StaffUser lead) {
        repository.invited(freezeCase.id(), agency, lead.getUsername()).ifPresent(askId -> audit.record("JOIN_ASK_INVITED", "JOIN_ASK",
                askId, freezeCase.reference(), "OPEN (" + agency + ")", "INVITED (" + agency + ")"));
    }

    /** The case's agency declines an open ask on its case. False when it was no longer open. */
    public boolean decline(String reference, long askId, StaffUser lead) {
        FreezeCase freezeCase = permissions.changeable(reference, lead);
        JoinAsk ask = repository.ask(askId).filter(a -> a.caseId() == freezeCase.id())
                .orElseThrow(() -> new JoinAskNotFoundException(askId));
        return Boolean.TRUE.equals(transaction.execute(status -> {
            boolean declined = repository.decline(ask.id(), lead.getUsername());
            if (declined) {
                audit.record("JOIN_ASK_DECLINED", "JOIN_ASK", ask.id(), reference, "OPEN (" + ask.askingAgency() + ")",
                        "DECLINED (" + ask.askingAgency() + ")");
            }
            return declined;
        }));
    }

    /** The case's discoverability, as its agency sets it on the case page. */
    public void setDiscovery(String reference, boolean undiscoverable, boolean covert, StaffUser owner) {
        FreezeCase freezeCase = permissions.changeable(reference, owner);
        transaction.executeWithoutResult(status -> {
            CaseDiscovery before = repository.saveDiscovery(freezeCase.id(), undiscoverable, covert, owner.getUsername());
            if (before.undiscoverable() != undiscoverable || before.covert() != covert) {
                audit.record("CASE_DISCOVERY_SET", "CASE", freezeCase.id(), reference, describe(before.undiscoverable(), before.covert()),
                        describe(undiscoverable, covert));
            }
        });
    }

    private static String describe(boolean undiscoverable, boolean covert) {
        return "undiscoverable: " + undiscoverable + "; covert: " + covert;
    }

    CaseDiscovery discovery(FreezeCase freezeCase) {
        return repository.discovery(freezeCase.id());
    }

    /** The asks on a case: for its agency only (others asked to join it). */
    List<JoinAsk> asksOn(FreezeCase freezeCase, StaffUser viewer) {
        return permissions.mayChange(freezeCase, viewer) ? repository.asksOnCase(freezeCase.id()) : List.of();
    }

    /** An agency's own asks to join other cases; every ask for an auditor; none for anyone else. */
    public List<JoinAskView> asksVisibleTo(StaffUser viewer) {
        if (viewer.has(Role.AUDITOR)) {
            return repository.allAsks(MAX_SHOWN).stream().map(a -> JoinAskView.of(a, true)).toList();
        }
        if (viewer.has(Role.AGENCY) && viewer.getAgency() != null) {
            return repository.asksBy(viewer.getAgency(), MAX_SHOWN).stream().map(a -> JoinAskView.of(a, false)).toList();
        }
        return List.of();
    }

    private static String filingAgency(StaffUser user) {
        if (!user.has(Role.AGENCY) || user.getAgency() == null) {
            throw new AccessDeniedException("Only an agency's investigators check addresses for their filings");
        }
        return user.getAgency();
    }
}
