package org.freezedesk.counterpartyrequest;

import java.time.OffsetDateTime;

import org.freezedesk.cases.CounterpartyRequestState;
import org.freezedesk.cases.Urgency;

/**
 * Which of a counterparty's requests to list; null leaves a criterion out. The deadline bounds are an instant:
 * {@code dueBefore} keeps deadlines strictly before it, {@code dueFrom} those at it or later.
 */
public record RequestFilter(CounterpartyRequestState state, Urgency urgency, OffsetDateTime dueBefore, OffsetDateTime dueFrom) {
}
