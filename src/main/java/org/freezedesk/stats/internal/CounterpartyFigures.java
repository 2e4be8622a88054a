package org.freezedesk.stats.internal;

import java.time.Duration;

/**
 * How fast one counterparty answered: from the notification mail to the acknowledgement, and to the first
 * response reporting funds frozen. Null durations mean no sample yet.
 */
public record CounterpartyFigures(String counterparty, int requests, int overdue, int acknowledged, Duration acknowledgeMedian,
        Duration acknowledgeP90, int frozen, Duration freezeMedian, Duration freezeP90) {
}
