package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When the freeze-hold timers fire: the warning a configured number of days before the held-until date,
 * the lapse at the end of that date (UTC). Read from the table each time, so an extension moves both.
 */
@Component("freezeHoldTimers")
public class FreezeHoldTimers {

    private final FreezeHoldRepository holds;
    private final int warningDays;

    FreezeHoldTimers(FreezeHoldRepository holds, @Value("${freezedesk.recovery.lapse-warning-days}") int warningDays) {
        this.holds = holds;
        this.warningDays = warningDays;
    }

    public Date warningAt(long freezeHoldId) {
        return startOf(holds.find(freezeHoldId).heldUntil().minusDays(warningDays));
    }

    public Date lapsesAt(long freezeHoldId) {
        return startOf(holds.find(freezeHoldId).heldUntil().plusDays(1));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
