package org.freezedesk.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One filing of targets. An {@link Urgency#EMERGENCY} request carries why it cannot wait and when its on-call
 * officers were last reminded; {@code doNotNotify} forbids the counterparties to tell their customer, on
 * {@code doNotNotifyBasis}, until {@code doNotNotifyUntil} (inclusive). {@code agency} filed it: the case's agency, or a
 * partner agency of a joint case, whose legal unit reviews it.
 */
public record FreezeRequest(long id, long caseId, int sequenceNumber, String legalBasis, String courtOrderReference,
        String mlatReference, Urgency urgency, FreezeRequestState state, String filedBy, OffsetDateTime filedAt,
        String processInstanceId, String emergencyJustification, OffsetDateTime onCallRemindedAt, int onCallReminders,
        boolean doNotNotify, String doNotNotifyBasis, LocalDate doNotNotifyUntil, String agency) {

    public boolean original() {
        return sequenceNumber == 1;
    }

    public boolean emergency() {
        return urgency == Urgency.EMERGENCY;
    }
}
