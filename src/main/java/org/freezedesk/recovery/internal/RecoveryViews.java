package org.freezedesk.recovery.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;

/** What the case pages show of recoveries; called from {@code recovery/fragments} so the case code needs no change. */
@Component("recoveryViews")
public class RecoveryViews {

    private final RecoveryRepository recoveries;
    private final CaseClosureRepository closures;
    private final FreezeHoldRepository holds;
    private final FreezeHoldService holdService;

    RecoveryViews(RecoveryRepository recoveries, CaseClosureRepository closures, FreezeHoldRepository holds,
            FreezeHoldService holdService) {
        this.recoveries = recoveries;
        this.closures = closures;
        this.holds = holds;
        this.holdService = holdService;
    }

    public List<FreezeHold> holds(long caseId) {
        return holds.forCase(caseId);
    }

    /** Whether the lapse warning of this hold waits for {@code user} to ask for an extension. */
    public boolean warned(FreezeHold hold, StaffUser user) {
        return user != null && holdService.openTask(hold, user).isPresent();
    }

    /** The case's closure, or null while it is open. */
    public CaseClosure closure(long caseId) {
        return closures.find(caseId).orElse(null);
    }

    public List<RecoveryInstruction> instructions(long caseId) {
        return recoveries.forCase(caseId);
    }

    public List<RecoveryTotal> recovered(long caseId) {
        return recoveries.recoveredPerAsset(caseId);
    }

    /** Recovered amounts as plain decimals by asset, for tables listing every asset of a case. */
    public Map<String, String> recoveredByAsset(long caseId) {
        return recovered(caseId).stream().collect(Collectors.toMap(RecoveryTotal::asset, RecoveryTotal::recoveredText));
    }

    public boolean anyFrozen(long caseId) {
        return !recoveries.frozenHoldings(caseId).isEmpty();
    }
}
