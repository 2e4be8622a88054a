package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sets when the freeze-hold timers fire, from the held-until date as it stands now: the warning a configured
 * number of days before it, the lapse at the end of that date (UTC). Run again after every extension.
 */
@Component(FreezeHoldProcess.READ_HELD_UNTIL)
class ReadHeldUntil implements JavaDelegate {

    private final FreezeHoldRepository holds;
    private final int warningDays;

    ReadHeldUntil(FreezeHoldRepository holds, @Value("${freezedesk.recovery.lapse-warning-days}") int warningDays) {
        this.holds = holds;
        this.warningDays = warningDays;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate heldUntil = holds.find((Long) execution.getVariable(FreezeHoldProcess.FREEZE_HOLD_ID)).heldUntil();
        execution.setVariable(FreezeHoldProcess.LAPSE_WARNING_AT, startOf(heldUntil.minusDays(warningDays)));
        execution.setVariable(FreezeHoldProcess.LAPSES_AT, startOf(heldUntil.plusDays(1)));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
