package org.freezedesk.cases.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The emergency lane's timers ({@code freezedesk.emergency.*}): how long an EMERGENCY request waits for an on-call
 * approval before the on-call officers are reminded (and again each time as long), and how long after the fan-out
 * its second review may stay open before legal review is reminded (and again each time as long).
 */
@ConfigurationProperties("freezedesk.emergency")
record EmergencyLaneSettings(@DefaultValue("PT15M") Duration onCallReminderAfter, @DefaultValue("PT24H") Duration secondReviewWithin) {

    EmergencyLaneSettings {
        if (onCallReminderAfter.isNegative() || onCallReminderAfter.isZero() || secondReviewWithin.isNegative() || secondReviewWithin.isZero()) {
            throw new IllegalArgumentException("freezedesk.emergency.on-call-reminder-after and .second-review-within must be positive");
        }
    }

    /** An ISO-8601 repeating interval without end: the timer fires after {@code every}, and again every {@code every}. */
    static String cycle(Duration every) {
        return "R/" + every;
    }
}
