package org.freezedesk.cases;

import java.util.List;

import org.freezedesk.cases.internal.CasePartnerRepository;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may read and who may change a case; every page, API call and service of a
 * case-scoped action asks it. Reading and changing are separate questions:
 * <ul>
 * <li>changes only by AGENCY users of the agency that owns the case (the lead agency of a joint case);</li>
 * <li>AGENCY users of an ACTIVE partner agency of a joint case read it; with the FILE scope they file requests on it,
 * and change those requests only, never the lead's requests or the case's settings, partners or closure. An invited,
 * declined, departed or removed partner reads nothing, from the moment its state changed;</li>
 * <li>LEGAL reviews the requests of the agencies its legal unit serves, by the request's filing agency, and reads the
 * cases of those agencies and the joint cases those agencies filed on; it never changes a case, even when the same
 * person is also an investigator of another agency;</li>
 * <li>AUDITOR reads every case and changes nothing; ADMIN has no case access at all.</li>
 * </ul>
 * A case the user may not read is answered as if it did not exist ({@link CaseNotFoundException}); one the user may
 * read but not change is refused ({@link CaseChangeRefusedException}).
 */
@Component
public class CasePermissions {

    private final CaseRepository cases;
    private final CasePartnerRepository partners;

    CasePermissions(CaseRepository cases, CasePartnerRepository partners) {
        this.cases = cases;
        this.partners = partners;
    }

    public boolean mayRead(FreezeCase freezeCase, StaffUser user) {
        // The questions that need no query first.
        return user.has(Role.AUDITOR) || mayChange(freezeCase, user) || mayReview(freezeCase.agency(), user)
                || isActivePartner(freezeCase, user) || reviewsARequestOf(freezeCase, user);
    }

    /** Files requests on the case: its own agency, or an active partner with the FILE scope. */
    public boolean mayFile(FreezeCase freezeCase, StaffUser user) {
        return mayChange(freezeCase, user) || user.has(Role.AGENCY) && user.getAgency() != null
                && partners.activeScope(freezeCase.id(), user.getAgency()).filter(s -> s == PartnerScope.FILE).isPresent();
    }

    /** Changes one request (amends it, overrides its routes, reads its summary): only the agency that filed it, while it may file. */
    public boolean mayChangeRequest(FreezeCase freezeCase, FreezeRequest request, StaffUser user) {
        return request.caseId() == freezeCase.id() && user.getAgency() != null && user.getAgency().equals(request.agency())
                && mayFile(freezeCase, user);
    }

    /**
     * Follows up the counterparties of one request (resend, record a contact, extend a deadline, revoke a link): the
     * agency that filed the request, and the lead agency, which answers for the whole case.
     */
    public boolean mayFollowUp(FreezeCase freezeCase, long freezeRequestId, StaffUser user) {
        return mayChange(freezeCase, user) || mayChangeRequest(freezeCase, cases.request(freezeRequestId), user);
    }

    private boolean isActivePartner(FreezeCase freezeCase, StaffUser user) {
        return user.has(Role.AGENCY) && user.getAgency() != null && partners.isActive(freezeCase.id(), user.getAgency());
    }

    /** A partner's legal unit reads the joint case its agency filed on, to review that request. */
    private boolean reviewsARequestOf(FreezeCase freezeCase, StaffUser user) {
        return user.has(Role.LEGAL) && cases.requestsOf(freezeCase.id()).stream().anyMatch(r -> mayReview(r.agency(), user));
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

    /** A case the user may file requests on; {@link CaseChangeRefusedException} when it may only read it. */
    public FreezeCase fileable(String reference, StaffUser user) {
        FreezeCase freezeCase = readable(reference, user);
        if (!mayFile(freezeCase, user)) {
            throw new CaseChangeRefusedException(reference);
        }
        return freezeCase;
    }

    /** The request, when the user may change it; {@link CaseChangeRefusedException} when it may only read it. */
    public FreezeRequest changeableRequest(FreezeCase freezeCase, FreezeRequest request, StaffUser user) {
        if (!mayChangeRequest(freezeCase, request, user)) {
            throw new CaseChangeRefusedException(freezeCase.reference());
        }
        return request;
    }

    public List<FreezeCase> readableCases(StaffUser user) {
        if (user.has(Role.AUDITOR)) {
            return cases.listCases(null);
        }
        if (!user.has(Role.LEGAL)) {
            return user.has(Role.AGENCY) && user.getAgency() != null ? cases.listCasesOfMember(user.getAgency()) : List.of();
        }
        return cases.listCases(null).stream().filter(c -> mayRead(c, user)).toList();
    }
}
