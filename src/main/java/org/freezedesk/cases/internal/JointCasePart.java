package org.freezedesk.cases.internal;

import org.freezedesk.cases.CasePagePart;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.JointCases;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The case page's Partners section ({@code cases/partners/fragments}): the partners, and what the viewer may do about them. */
@Component
class JointCasePart implements CasePagePart {

    private final JointCases jointCases;
    private final CasePermissions permissions;

    JointCasePart(JointCases jointCases, CasePermissions permissions) {
        this.jointCases = jointCases;
        this.permissions = permissions;
    }

    @Override
    public void addTo(Model model, FreezeCase freezeCase, StaffUser viewer) {
        model.addAttribute("partners", jointCases.partners(freezeCase));
        model.addAttribute("leadsCase", viewer != null && permissions.mayChange(freezeCase, viewer));
        model.addAttribute("partnerOfCase", viewer != null && jointCases.isPartner(freezeCase, viewer));
        model.addAttribute("mayFile", viewer != null && permissions.mayFile(freezeCase, viewer));
    }
}
