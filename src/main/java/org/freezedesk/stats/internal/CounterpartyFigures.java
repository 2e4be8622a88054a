package org.freezedesk.stats.internal;

import java.time.Duration;

/**
 * How fast one counterparty answered: from the notification mail to the acknowledgement, and to the first
 * response reporting funds frozen. Null durations mean no sample yet.
 */
public record CounterpartyFigures(String counterparty, int requests, int overdue, int acknowledged, Duration acknowledgeMedian,
        Duration acknowledgeP90, int frozen, Duration freezeMedian, Duration freezeP90) {

    public String acknowledgeMedianText() {
        return Durations.text(acknowledgeMedian);
    }

    public String acknowledgeP90Text() {
        return Durations.text(acknowledgeP90);
    }

    public String freezeMedianText() {
        return Durations.text(freezeMedian);
    }

    public String freezeP90Text() {
        return Durations.text(freezeP90);
    }
}
