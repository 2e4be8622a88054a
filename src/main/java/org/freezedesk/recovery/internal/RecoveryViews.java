package org.freezedesk.recovery.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.freezedesk.cases.CasePagePart;
import org.freezedesk.cases.FreezeCase;
import org.freezedesk.security.StaffUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the case pages show of recoveries, freeze holds and the closure, for {@code recovery/fragments}. */
@Component
public class RecoveryViews implements CasePagePart {

    /** A hold, and whether its lapse warning waits for the viewer to ask for an extension. */
    public record HoldRow(FreezeHold hold, boolean warned) {
    }

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

    @Override
    public void addTo(Model model, FreezeCase freezeCase, StaffUser viewer) {
        CaseClosure closure = closures.find(freezeCase.id()).orElse(null);
        model.addAttribute("closure", closure);
        model.addAttribute("recoveryInstructions", recoveries.forCase(freezeCase.id()));
        model.addAttribute("recoveredTotals", recoveries.recoveredPerAsset(freezeCase.id()));
        model.addAttribute("freezeHolds", holds.forCase(freezeCase.id()).stream()
                .map(hold -> new HoldRow(hold, viewer != null && holdService.openTask(hold, viewer).isPresent())).toList());
        model.addAttribute("recoveryCanBeFiled", closure == null && !recoveries.frozenHoldings(freezeCase.id()).isEmpty());
    }

    /** Recovered amounts as plain decimals by asset, for tables listing every asset of a case. */
    public Map<String, String> recoveredByAsset(long caseId) {
        return recoveries.recoveredPerAsset(caseId).stream().collect(Collectors.toMap(RecoveryTotal::asset, RecoveryTotal::recoveredText));
    }
}
