package org.freezedesk.cases;

import org.freezedesk.security.StaffUser;
import org.springframework.ui.Model;

/**
 * A feature's part of the case page. Features above cases (follow-ups, recoveries) implement it and add
 * what their fragment shows to the model, so the case page composes them without cases depending on them
 * and without templates calling beans.
 */
public interface CasePagePart {

    void addTo(Model model, FreezeCase freezeCase, StaffUser viewer);
}
