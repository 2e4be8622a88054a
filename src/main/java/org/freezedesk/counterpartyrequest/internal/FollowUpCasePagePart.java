package org.freezedesk.counterpartyrequest.internal;

import org.freezedesk.cases.CasePagePart;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The case page's links and follow-ups: each counterparty request's deadline, link, contacts and open follow-up. */
@Component
class FollowUpCasePagePart implements CasePagePart {

    private final FollowUpService followUps;

    FollowUpCasePagePart(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void addTo(Model model, FreezeCase freezeCase, StaffUser viewer) {
        model.addAttribute("followUpPanel", followUps.panel(freezeCase.reference(), viewer));
    }
}
