package org.freezedesk.cases.internal;

import java.util.List;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Lead;

/** Fills the filing form for a supplementary request: the case's legal basis, and one target per chosen lead. */
public final class SupplementaryForms {

    private SupplementaryForms() {
    }

    public static FilingForm of(FreezeCase freezeCase, FreezeRequest original, List<Lead> leads) {
        FilingForm form = new FilingForm();
        form.setTitle(freezeCase.title());
        form.setIncidentSummary(freezeCase.incidentSummary());
        form.setLegalBasis(original.legalBasis());
        form.setCourtOrderReference(original.courtOrderReference());
        form.setMlatReference(original.mlatReference());
        form.setUrgency(original.urgency());
        form.setEmergencyJustification(original.emergencyJustification());
        form.setDoNotNotify(original.doNotNotify());
        form.setDoNotNotifyBasis(original.doNotNotifyBasis());
        form.setDoNotNotifyUntil(original.doNotNotifyUntil());
        for (Lead lead : leads) {
            form.getTargets().add(TargetRow.of(lead.chain(), lead.asset(), lead.onwardAddress(), "all", lead.onwardTxHash(),
                    "Moved on from " + lead.counterpartyName()));
        }
        form.padTargets(leads.size() + 1);
        return form;
    }

    /** Empties the legal basis, court order and MLAT references that came from the lead's original request. */
    public static void withoutLegalBasis(FilingForm form) {
        form.setLegalBasis(null);
        form.setCourtOrderReference(null);
        form.setMlatReference(null);
    }
}
