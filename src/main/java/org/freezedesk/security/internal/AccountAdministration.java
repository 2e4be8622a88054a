package org.freezedesk.security.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.freezedesk.security.AccountAuditTrail;
import org.freezedesk.security.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's changes to agencies, legal units and accounts. Each is checked whole before anything is stored,
 * and recorded in the audit trail with what it was before.
 */
@Service
public class AccountAdministration {

    private static final Pattern DOMAIN = Pattern.compile("(?=.{3,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository repository;
    private final PasswordResets passwordResets;
    private final SecondFactor secondFactor;
    private final PasswordEncoder encoder;
    private final AccountAuditTrail audit;

    AccountAdministration(AccountRepository repository, PasswordResets passwordResets, SecondFactor secondFactor,
            PasswordEncoder encoder, AccountAuditTrail audit) {
        this.repository = repository;
        this.passwordResets = passwordResets;
        this.secondFactor = secondFactor;
        this.encoder = encoder;
        this.audit = audit;
    }

    public List<Agency> agencies() {
        return repository.agencies();
    }

    public Agency agency(long id) {
        return repository.agency(id).orElseThrow(() -> new AccountNotFoundException("agency " + id));
    }

    public List<LegalUnit> legalUnits() {
        return repository.legalUnits();
    }

    public LegalUnit legalUnit(long id) {
        return repository.legalUnit(id).orElseThrow(() -> new AccountNotFoundException("legal unit " + id));
    }

    public List<Account> accounts() {
        return repository.accounts();
    }

    public Account account(String username) {
        return repository.account(username).orElseThrow(() -> new AccountNotFoundException("account " + username));
    }

    @Transactional
    public Agency registerAgency(AgencyForm form, String vettedBy) {
        List<String> domains = domains(form.getDomains());
        long id = repository.insertAgency(form.getName().strip(), form.getJurisdiction().strip(), domains, form.getVettingStatus(), vettedBy)
                .orElseThrow(() -> new AccountProblem("name", "An agency of that name is already registered."));
        Agency agency = agency(id);
        audit.record("AGENCY_REGISTERED", "agency", id, null, describe(agency));
        return agency;
    }

    @Transactional
    public Agency changeAgency(long id, AgencyForm form, String vettedBy) {
        Agency before = agency(id);
        repository.updateAgency(id, form.getJurisdiction().strip(), domains(form.getDomains()), form.getVettingStatus(), form.isActive(),
                vettedBy);
        Agency after = agency(id);
        audit.record("AGENCY_CHANGED", "agency", id, describe(before), describe(after));
        return after;
    }

    @Transactional
    public LegalUnit createLegalUnit(LegalUnitForm form) {
        List<Long> served = servedAgencies(form.getAgencyIds());
        long id = repository.insertLegalUnit(form.getName().strip(), served)
                .orElseThrow(() -> new AccountProblem("name", "A legal unit of that name exists already."));
        LegalUnit unit = legalUnit(id);
        audit.record("LEGAL_UNIT_CREATED", "legal_unit", id, null, describe(unit));
        return unit;
    }

    @Transactional
    public LegalUnit changeLegalUnit(long id, LegalUnitForm form) {
        LegalUnit before = legalUnit(id);
        repository.updateLegalUnit(id, servedAgencies(form.getAgencyIds()), form.isActive());
        LegalUnit after = legalUnit(id);
        audit.record("LEGAL_UNIT_CHANGED", "legal_unit", id, describe(before), describe(after));
        return after;
    }

    /** Creates the account with no usable password and mails it a link to choose one. */
    @Transactional
    public Account createAccount(AccountForm form) {
        String email = form.getEmail().strip().toLowerCase(Locale.ROOT);
        checkMembership(form.getRoles(), form.getAgency(), form.getLegalUnitId(), email);
        if (!repository.insertAccount(form.getUsername(), unusablePassword(), form.getDisplayName().strip(), email, form.getAgency(),
                form.getLegalUnitId(), form.getRoles(), false)) {
            throw new AccountProblem("username", "That user name is taken.");
        }
        Account account = account(form.getUsername());
        audit.record("ACCOUNT_CREATED", "app_user", account.username(), null, describe(account));
        passwordResets.issue(account, "A FreezeDesk account was created for you.");
        return account;
    }

    /** Changes roles and membership (and name or address); the e-mail must still fit the agency. */
    @Transactional
    public Account changeAccount(String username, AccountForm form, String admin) {
        Account before = account(username);
        if (username.equals(admin) && !form.getRoles().contains(Role.ADMIN)) {
            throw new AccountProblem("roles", "You cannot take the ADMIN role from your own account.");
        }
        String email = form.getEmail().strip().toLowerCase(Locale.ROOT);
        checkMembership(form.getRoles(), form.getAgency(), form.getLegalUnitId(), email);
        repository.updateAccount(username, form.getDisplayName().strip(), email, form.getAgency(), form.getLegalUnitId(), form.getRoles());
        Account after = account(username);
        audit.record("ACCOUNT_CHANGED", "app_user", username, describe(before), describe(after));
        return after;
    }

    @Transactional
    public void setActive(String username, boolean active, String admin) {
        Account before = account(username);
        if (username.equals(admin) && !active) {
            throw new AccountProblem("username", "You cannot deactivate your own account.");
        }
        repository.setEnabled(username, active);
        audit.record(active ? "ACCOUNT_REACTIVATED" : "ACCOUNT_DEACTIVATED", "app_user", username,
                before.enabled() ? "active" : "inactive", active ? "active" : "inactive");
    }

    /** Only a LEGAL account can be on call: it then approves EMERGENCY requests alone and is reminded of them. */
    @Transactional
    public void setOnCall(String username, boolean onCall) {
        Account before = account(username);
        if (onCall && !before.roles().contains(Role.LEGAL)) {
            throw new AccountProblem("roles", "Only a LEGAL account can be on call.");
        }
        repository.setOnCall(username, onCall);
        audit.record(onCall ? "ON_CALL_STARTED" : "ON_CALL_ENDED", "app_user", username,
                before.onCall() ? "on call" : "not on call", onCall ? "on call" : "not on call");
    }

    /** The old password stops working at once; the account chooses a new one through the mailed link. */
    @Transactional
    public void resetPassword(String username) {
        Account account = account(username);
        requireEmail(account);
        repository.setPasswordHash(username, unusablePassword());
        passwordResets.issue(account, "An administrator reset your FreezeDesk password.");
        audit.record("PASSWORD_RESET_SENT", "app_user", username, null, "link mailed to " + account.email());
    }

    /** For a lost authenticator and lost recovery codes: the account sets up a new one at its next sign-in. */
    @Transactional
    public void resetSecondFactor(String username) {
        Account account = account(username);
        secondFactor.reset(username);
        audit.record("SECOND_FACTOR_RESET", "app_user", username, account.secondFactorEnrolled() ? "enrolled" : "not enrolled",
                "not enrolled");
    }

    private void checkMembership(Set<Role> roles, String agencyName, Long legalUnitId, String email) {
        if (roles.isEmpty()) {
            throw new AccountProblem("roles", "Choose at least one role.");
        }
        Set<Role> alone = EnumSet.of(Role.AUDITOR, Role.ADMIN);
        if (roles.size() > 1 && roles.stream().anyMatch(alone::contains)) {
            throw new AccountProblem("roles", "AUDITOR and ADMIN cannot be combined with another role.");
        }
        if (roles.contains(Role.AGENCY)) {
            if (agencyName == null) {
                throw new AccountProblem("agency", "An AGENCY account belongs to an agency: choose one.");
            }
            Agency agency = repository.agencyNamed(agencyName)
                    .orElseThrow(() -> new AccountProblem("agency", "No registered agency is called '" + agencyName + "'."));
            if (!agency.active()) {
                throw new AccountProblem("agency", agency.name() + " is deactivated.");
            }
            if (!agency.verifies(email)) {
                throw new AccountProblem("email", "The address must be in a verified domain of " + agency.name() + ": "
                        + String.join(", ", agency.domains()) + ".");
            }
        } else if (agencyName != null) {
            throw new AccountProblem("agency", "Only AGENCY accounts belong to an agency.");
        }
        if (roles.contains(Role.LEGAL)) {
            if (legalUnitId == null) {
                throw new AccountProblem("legalUnitId", "A LEGAL account belongs to a legal unit: choose one.");
            }
            LegalUnit unit = repository.legalUnit(legalUnitId)
                    .orElseThrow(() -> new AccountProblem("legalUnitId", "No legal unit " + legalUnitId + "."));
            if (!unit.active()) {
                throw new AccountProblem("legalUnitId", unit.name() + " is deactivated.");
            }
        } else if (legalUnitId != null) {
            throw new AccountProblem("legalUnitId", "Only LEGAL accounts belong to a legal unit.");
        }
    }

    private List<Long> servedAgencies(List<Long> agencyIds) {
        Set<Long> distinct = new LinkedHashSet<>(agencyIds);
        for (Long id : distinct) {
            if (id == null || repository.agency(id).isEmpty()) {
                throw new AccountProblem("agencyIds", "No agency " + id + ".");
            }
        }
        return new ArrayList<>(distinct);
    }

    private static List<String> domains(String text) {
        Set<String> domains = new LinkedHashSet<>();
        for (String part : text.split("[,\\s]+")) {
            String domain = part.strip().toLowerCase(Locale.ROOT);
            if (domain.isEmpty()) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new AccountProblem("domains", "'" + abbreviate(domain) + "' is not a domain name (like police.example.org).");
            }
            domains.add(domain);
        }
        if (domains.isEmpty()) {
            throw new AccountProblem("domains", "List at least one verified e-mail domain.");
        }
        if (domains.size() > 50) {
            throw new AccountProblem("domains", "At most 50 domains.");
        }
        return new ArrayList<>(domains);
    }

    private static void requireEmail(Account account) {
        if (account.email() == null) {
            throw new AccountProblem("email", "The account has no e-mail address to send the link to; add one first.");
        }
    }

    /** A random hash no password matches, until the account chooses one through its link. */
    private String unusablePassword() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return encoder.encode(Base64.getEncoder().encodeToString(secret));
    }

    private static String abbreviate(String value) {
        return abbreviate(60, value);
    }

    /** Audit values and messages stay within their column, however long the input was. */
    private static String abbreviate(int length, String value) {
        return value.length() > length ? value.substring(0, length) + "…" : value;
    }

    private static String describe(Agency a) {
        return abbreviate(2000, "name=" + a.name() + "; jurisdiction=" + a.jurisdiction() + "; domains=" + a.domains() + "; vetting="
                + a.vettingStatus() + "; vetted by " + a.vettedBy()
                + "; " + (a.active() ? "active" : "inactive"));
    }

    private static String describe(LegalUnit u) {
        return abbreviate(2000, "name=" + u.name() + "; serves=" + (u.servedAgencies().isEmpty() ? "all agencies" : u.servedAgencies()) + "; "
                + (u.active() ? "active" : "inactive"));
    }

    private static String describe(Account a) {
        return "name=" + a.displayName() + "; email=" + a.email() + "; roles=" + a.roles() + "; agency=" + a.agency()
                + "; legal unit=" + a.legalUnit();
    }
}
