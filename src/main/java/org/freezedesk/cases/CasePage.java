package org.freezedesk.cases;

import java.util.List;

import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The case page's model: the case as its viewer may see it, and every feature's {@link CasePagePart}. */
@Component
public class CasePage {

    public static final String VIEW = "cases/show";

    private final FreezeCaseService freezeCaseService;
    private final List<CasePagePart> parts;

    CasePage(FreezeCaseService freezeCaseService, List<CasePagePart> parts) {
        this.freezeCaseService = freezeCaseService;
        this.parts = parts;
    }

    /** Fills {@code model} for {@code reference} and names the view; an unknown or hidden case is a 404. */
    public String show(String reference, StaffUser viewer, Model model) {
        addCase(reference, viewer, model);
        return VIEW;
    }

    /** The case and every feature's part, for any page that shows the case summary ({@code cases/fragments}). */
    public CaseView addCase(String reference, StaffUser viewer, Model model) {
        CaseView view = freezeCaseService.view(reference, viewer);
        model.addAttribute("view", view);
        parts.forEach(part -> part.addTo(model, view.freezeCase(), viewer));
        return view;
    }
}
