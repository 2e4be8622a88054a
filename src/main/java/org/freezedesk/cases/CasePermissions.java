package org.freezedesk.cases;

import java.util.List;

import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may read and who may change a case; every page, API call and service of a
 * case-scoped action asks it. Reading and changing are separate questions:
 * <ul>
 * <li>changes only by AGENCY users of the agency that owns the case;</li>
 * <li>LEGAL reads (and reviews) the cases of the agencies its legal unit serves, and never changes a case, even when
 * the same person is also an investigator of another agency;</li>
 * <li>AUDITOR reads every case and changes nothing; ADMIN has no case access at all.</li>
 * </ul>
 * A case the user may not read is answered as if it did not exist ({@link CaseNotFoundException}); one the user may
 * read but not change is refused ({@link CaseChangeRefusedException}).
 */
@Component
public class CasePermissions {

    private final CaseRepository cases;

    CasePermissions(CaseRepository cases) {
        this.cases = cases;
    }

    public boolean mayRead(FreezeCase freezeCase, StaffUser user) {
        return user.has(Role.AUDITOR) || mayChange(freezeCase, user) || mayReview(freezeCase.agency(), user);
    }

    public boolean mayChange(FreezeCase freezeCase, StaffUser user) {
        return user.has(Role.AGENCY) && user.getAgency() != null && user.getAgency().equals(freezeCase.agency());
    }

    /** Legal review of a request (or recovery instruction) of {@code agency}: the four-eyes rule is checked on top. */
    public boolean mayReview(String agency, StaffUser user) {
        return user.reviewsFor(agency);
    }

    /** Legal review of something filed on the case {@code reference}, such as a recovery instruction. */
    public boolean mayReviewCase(String reference, StaffUser user) {
        return cases.findCase(reference).map(c -> mayReview(c.agency(), user)).orElse(false);
    }

    public FreezeCase readable(String reference, StaffUser user) {
        return cases.findCase(reference).filter(c -> mayRead(c, user)).orElseThrow(() -> new CaseNotFoundException(reference));
    }

    public FreezeCase changeable(String reference, StaffUser user) {
        FreezeCase freezeCase = readable(reference, user);
        if (!mayChange(freezeCase, user)) {
            throw new CaseChangeRefusedException(reference);
        }
        return freezeCase;
    }

    public List<FreezeCase> readableCases(StaffUser user) {
        if (user.has(Role.AUDITOR)) {
            return cases.listCases(null);
        }
        if (!user.has(Role.LEGAL)) {
            return user.has(Role.AGENCY) && user.getAgency() != null ? cases.listCases(user.getAgency()) : List.of();
        }
        return cases.listCases(null).stream().filter(c -> mayRead(c, user)).toList();
    }
}
