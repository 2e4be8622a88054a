package org.freezedesk.recovery;

import java.util.List;

import org.springframework.stereotype.Component;

/** What the case pages show of recoveries; called from {@code recovery/fragments} so the case code needs no change. */
@Component("recoveryViews")
public class RecoveryViews {

    private final RecoveryRepository recoveries;

    RecoveryViews(RecoveryRepository recoveries) {
        this.recoveries = recoveries;
    }

    public List<RecoveryInstruction> instructions(long caseId) {
        return recoveries.forCase(caseId);
    }

    public List<RecoveryTotal> recovered(long caseId) {
        return recoveries.recoveredPerAsset(caseId);
    }

    public boolean anyFrozen(long caseId) {
        return !recoveries.frozenHoldings(caseId).isEmpty();
    }
}
