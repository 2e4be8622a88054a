package org.freezedesk.cases.internal;

import java.util.List;

import org.freezedesk.cases.FreezeCase;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;

/** Fills the filing form with a request as filed, for the filer to amend. */
final class AmendmentForms {

    private AmendmentForms() {
    }

    static FilingForm of(FreezeCase freezeCase, FreezeRequest request, List<Target> targets) {
        FilingForm form = new FilingForm();
        form.setTitle(freezeCase.title());
        form.setIncidentSummary(freezeCase.incidentSummary());
        form.setVictim(freezeCase.victim());
        form.setTheftDate(freezeCase.theftDate());
        form.setLegalBasis(request.legalBasis());
        form.setCourtOrderReference(request.courtOrderReference());
        form.setMlatReference(request.mlatReference());
        form.setUrgency(request.urgency());
        form.setEmergencyJustification(request.emergencyJustification());
        form.setDoNotNotify(request.doNotNotify());
        form.setDoNotNotifyBasis(request.doNotNotifyBasis());
        form.setDoNotNotifyUntil(request.doNotNotifyUntil());
        for (Target target : targets) {
            TargetRow row = new TargetRow();
            row.setChain(target.chain());
            row.setAsset(target.asset());
            row.setAddress(target.address());
            row.setAmount(target.amountText());
            row.setTxHashes(target.txHashes());
            row.setNote(target.note());
            form.getTargets().add(row);
        }
        form.padTargets(targets.size() + 1);
        return form;
    }
}
