package org.freezedesk.portal.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.freezedesk.input.InputPolicy;
import org.freezedesk.input.InputRefusedException;

/** A deadline filter inside the dates the input policy allows, so that no far-off instant reaches the database. */
final class DeadlineBound {

    private DeadlineBound() {
    }

    static OffsetDateTime check(String parameter, OffsetDateTime bound) {
        if (bound == null) {
            return null;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        InputPolicy.dateOutOfRange(bound.toLocalDate(), today).ifPresent(message -> {
            throw new InputRefusedException(parameter, message);
        });
        return bound;
    }
}
