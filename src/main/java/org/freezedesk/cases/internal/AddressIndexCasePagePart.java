package org.freezedesk.cases.internal;

import java.util.List;

import org.freezedesk.cases.CasePagePart;
import org.freezedesk.cases.CasePermissions;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case page's address index panel, for the case's own agency only: its targets other agencies' cases target too,
 * the asks to join it, and whether it is discoverable.
 */
@Component
class AddressIndexCasePagePart implements CasePagePart {

    public record Panel(List<CrossCaseMatch> matches, List<JoinAsk> asks, CaseDiscovery discovery) {
    }

    private final AddressIndex index;
    private final CasePermissions permissions;

    AddressIndexCasePagePart(AddressIndex index, CasePermissions permissions) {
        this.index = index;
        this.permissions = permissions;
    }

    @Override
    public void addTo(Model model, FreezeCase freezeCase, StaffUser viewer) {
        if (permissions.mayChange(freezeCase, viewer)) {
            model.addAttribute("addressIndex", new Panel(index.ofCase(viewer, freezeCase), index.asksOn(freezeCase, viewer),
                    index.discovery(freezeCase)));
        }
    }
}
