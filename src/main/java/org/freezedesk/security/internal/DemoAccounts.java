package org.freezedesk.security.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.freezedesk.security.Role;
import org.freezedesk.security.VettingStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo users of the embedded default, with the agencies and legal unit they belong to. They sign in with their
 * user name as password and no second factor, so one person can play every role; {@code chief} is both an
 * investigator and a legal officer, to show that reviewing never grants changing another agency's case.
 */
@Component
public class DemoAccounts {

    static final String NCCU = "National Cyber Crime Unit";
    static final String FIU = "Financial Intelligence Unit";
    static final String LEGAL_UNIT = "Central legal review";

    private final AccountRepository repository;
    private final PasswordEncoder encoder;

    DemoAccounts(AccountRepository repository, PasswordEncoder encoder) {
        this.repository = repository;
        this.encoder = encoder;
    }

    @Transactional
    public void create() {
        repository.insertAgency(NCCU, "United Kingdom", List.of("ncu.example.org"), VettingStatus.VETTED, "demo");
        repository.insertAgency(FIU, "Singapore", List.of("fiu.example.org"), VettingStatus.VETTED, "demo");
        // Serves no agency in particular, which means every agency.
        repository.insertLegalUnit(LEGAL_UNIT, List.of());
        Long legalUnit = repository.legalUnitNamed(LEGAL_UNIT).orElseThrow().id();
        create("agency", "Alex Agent", "alex@ncu.example.org", NCCU, null, EnumSet.of(Role.AGENCY));
        create("agency2", "Kim Detective", "kim@fiu.example.org", FIU, null, EnumSet.of(Role.AGENCY));
        if (create("legal", "Lee Counsel", "lee@legal.example.org", null, legalUnit, EnumSet.of(Role.LEGAL))) {
            // One person can then play the emergency lane: lee approves on call, chris does the second review.
            repository.setOnCall("legal", true);
        }
        create("chief", "Chris Chief", "chris@ncu.example.org", NCCU, legalUnit, EnumSet.of(Role.AGENCY, Role.LEGAL));
        create("auditor", "Ada Auditor", "ada@audit.example.org", null, null, EnumSet.of(Role.AUDITOR));
        create("admin", "Sam Operator", "sam@ops.example.org", null, null, EnumSet.of(Role.ADMIN));
    }

    /** Demo accounts stored before they were marked as such are marked now; their password is left alone. Answers whether it was new. */
    private boolean create(String username, String displayName, String email, String agency, Long legalUnit, Set<Role> roles) {
        if (!repository.insertAccount(username, encoder.encode(username), displayName, email, agency, legalUnit, roles, true)) {
            repository.markDemo(username);
            return false;
        }
        return true;
    }
}
