package org.freezedesk.cases;

import java.util.List;

import org.freezedesk.audit.AuditLog;
import org.freezedesk.cases.internal.AddressIndex;
import org.freezedesk.cases.internal.CasePartnerRepository;
import org.freezedesk.security.AgencyRegistry;
import org.freezedesk.security.AgencyStanding;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint cases: the lead agency (the case's agency) invites partner agencies from the agency registry under a sharing
 * agreement or MLAT, with the scope READ or FILE; the invited agency accepts or declines; the lead changes the scope or
 * removes a partner; a partner leaves. Each change is in the audit record under the case. Who may then read the case
 * and file on it is {@link CasePermissions}'s question, asked afresh on every call, so a partner that leaves or is
 * removed reads nothing from that moment.
 */
@Service
public class JointCases {

    /** The longest sharing agreement or MLAT reference kept, as the column allows. */
    public static final int MAX_AGREEMENT = 500;

    private final CasePermissions permissions;
    private final CasePartnerRepository partners;
    private final AgencyRegistry agencies;
    private final AuditLog audit;
    private final AddressIndex asks;

    JointCases(CasePermissions permissions, CasePartnerRepository partners, AgencyRegistry agencies, AuditLog audit,
            AddressIndex asks) {
        this.asks = asks;
        this.permissions = permissions;
        this.partners = partners;
        this.agencies = agencies;
        this.audit = audit;
    }

    /** The partners of a case the user may read, every state, in the order invited. */
    public List<CasePartner> partners(String reference, StaffUser user) {
        return partners.ofCase(permissions.readable(reference, user).id());
    }

    /** The partners of a case already read with its permission checked. */
    public List<CasePartner> partners(FreezeCase freezeCase) {
        return partners.ofCase(freezeCase.id());
    }

    /** Whether the case ever had a partner, so that its figures are shown per agency. */
    public boolean joint(long caseId) {
        return partners.everJoined(caseId);
    }

    /** The active agencies of the registry the lead may invite into the case: all but its own. */
    public List<String> invitableAgencies(FreezeCase freezeCase) {
        return agencies.agencies().stream().filter(AgencyStanding::active).map(AgencyStanding::name)
                .filter(name -> !name.equals(freezeCase.agency())).toList();
    }

    /** The lead invites an agency; only the case's own AGENCY users. */
    @Transactional
    public CasePartner invite(String reference, String agency, String agreement, PartnerScope scope, StaffUser lead) {
        FreezeCase freezeCase = permissions.changeable(reference, lead);
        String name = agency == null ? "" : agency.strip();
        if (name.isEmpty()) {
            throw new PartnerRefusedException("agency", "Choose the agency to invite");
        }
        if (name.equals(freezeCase.agency())) {
            throw new PartnerRefusedException("agency", "The case is your own agency's already; invite another agency");
        }
        if (agencies.standing(name).filter(AgencyStanding::active).isEmpty()) {
            throw new PartnerRefusedException("agency", "No active agency of that name is in the registry");
        }
        String terms = agreement == null ? "" : agreement.strip();
        if (terms.isEmpty()) {
            throw new PartnerRefusedException("agreement", "Name the sharing agreement or MLAT the partner works the case under");
        }
        if (terms.length() > MAX_AGREEMENT) {
            throw new PartnerRefusedException("agreement", "At most " + MAX_AGREEMENT + " characters");
        }
        if (scope == null) {
            throw new PartnerRefusedException("scope", "Choose what the partner may do: read, or also file its own requests");
        }
        String before = partners.find(freezeCase.id(), name).map(JointCases::describe).orElse(null);
        CasePartner partner = partners.invite(freezeCase.id(), name, terms, scope, lead.getUsername())
                .orElseThrow(() -> new PartnerRefusedException("agency", name + " is invited or a partner already", true));
        audit.record("PARTNER_INVITED", "case_partner", partner.id(), reference, before, describe(partner));
        asks.invited(freezeCase, name, lead);
        return partner;
    }

    /** The invitations waiting for the answer of the user's agency. */
    public List<CasePartner> invitations(StaffUser user) {
        return isInvestigator(user) ? partners.invitationsOf(user.getAgency()) : List.of();
    }

    @Transactional
    public CasePartner accept(long invitationId, StaffUser user) {
        return answer(invitationId, user, PartnerState.ACTIVE, "PARTNER_ACCEPTED");
    }

    @Transactional
    public CasePartner decline(long invitationId, StaffUser user) {
        return answer(invitationId, user, PartnerState.DECLINED, "PARTNER_DECLINED");
    }

    /** Only the invited agency's AGENCY users answer; anyone else is told the invitation does not exist. */
    private CasePartner answer(long invitationId, StaffUser user, PartnerState to, String action) {
        CasePartner invitation = partners.find(invitationId).filter(p -> isInvestigator(user) && p.agency().equals(user.getAgency()))
                .orElseThrow(() -> new CaseNotFoundException("invitation " + invitationId));
        if (!partners.answer(invitationId, to, user.getUsername(), PartnerState.INVITED)) {
            throw new PartnerRefusedException(null, "This invitation has been answered or withdrawn already", true);
        }
        CasePartner after = partners.find(invitationId).orElseThrow();
        audit.record(action, "case_partner", invitationId, invitation.caseReference(), describe(invitation), describe(after));
        return after;
    }

    /** The lead changes what an invited or active partner may do. */
    @Transactional
    public CasePartner changeScope(String reference, long partnerId, PartnerScope scope, StaffUser lead) {
        FreezeCase freezeCase = permissions.changeable(reference, lead);
        CasePartner partner = partnerOf(freezeCase, partnerId);
        if (scope == null) {
            throw new PartnerRefusedException("scope", "Choose what the partner may do: read, or also file its own requests");
        }
        if (!partners.changeScope(partnerId, scope)) {
            throw new PartnerRefusedException(null, partner.agency() + " is no longer invited or a partner", true);
        }
        CasePartner after = partners.find(partnerId).orElseThrow();
        audit.record("PARTNER_SCOPE_CHANGED", "case_partner", partnerId, reference, describe(partner), describe(after));
        return after;
    }

    /** The lead removes a partner, or withdraws an invitation not answered yet. */
    @Transactional
    public CasePartner remove(String reference, long partnerId, StaffUser lead) {
        FreezeCase freezeCase = permissions.changeable(reference, lead);
        CasePartner partner = partnerOf(freezeCase, partnerId);
        if (!partners.answer(partnerId, PartnerState.REMOVED, lead.getUsername(), PartnerState.INVITED, PartnerState.ACTIVE)) {
            throw new PartnerRefusedException(null, partner.agency() + " is no longer invited or a partner", true);
        }
        CasePartner after = partners.find(partnerId).orElseThrow();
        audit.record("PARTNER_REMOVED", "case_partner", partnerId, reference, describe(partner), describe(after));
        return after;
    }

    /** An active partner's investigator takes its agency out of the case. */
    @Transactional
    public CasePartner leave(String reference, StaffUser user) {
        FreezeCase freezeCase = permissions.readable(reference, user);
        CasePartner partner = isInvestigator(user) ? partners.find(freezeCase.id(), user.getAgency()).filter(CasePartner::active)
                .orElse(null) : null;
        if (partner == null) {
            throw new CaseChangeRefusedException(reference);
        }
        if (!partners.answer(partner.id(), PartnerState.LEFT, user.getUsername(), PartnerState.ACTIVE)) {
            throw new PartnerRefusedException(null, "Your agency is no longer a partner of " + reference, true);
        }
        CasePartner after = partners.find(partner.id()).orElseThrow();
        audit.record("PARTNER_LEFT", "case_partner", partner.id(), reference, describe(partner), describe(after));
        return after;
    }

    /** The user's agency's membership of a case it reads, if it is a partner. */
    public boolean isPartner(FreezeCase freezeCase, StaffUser user) {
        return isInvestigator(user) && partners.isActive(freezeCase.id(), user.getAgency());
    }

    private CasePartner partnerOf(FreezeCase freezeCase, long partnerId) {
        return partners.find(partnerId).filter(p -> p.caseId() == freezeCase.id())
                .orElseThrow(() -> new CaseNotFoundException(freezeCase.reference() + " partner " + partnerId));
    }

    private static boolean isInvestigator(StaffUser user) {
        return user.has(Role.AGENCY) && user.getAgency() != null;
    }

    private static String describe(CasePartner p) {
        return "agency=" + p.agency() + "; state=" + p.state() + "; scope=" + p.scope() + "; agreement=" + p.agreement();
    }
}
