package org.freezedesk.recovery;

import java.time.LocalDate;

/**
 * A freeze hold reached its lapse warning: the filer now has a task to ask for an extension. Published in the
 * transaction that opens the task; a hold whose date moves warns again for the new date.
 */
public record FreezeHoldLapsing(long freezeHoldId, long counterpartyRequestId, long targetId, String caseReference,
        LocalDate heldUntil) {
}
