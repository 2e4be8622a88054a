package org.freezedesk.cases.internal;

import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.RouteReason;

/** A stored route of a target, with who overrode it and why when the filer did. */
public record TargetRoute(long targetId, long counterpartyId, String counterpartyName, CounterpartyKind kind, RouteReason reason,
        String overrideReason, String overriddenBy) {
}
