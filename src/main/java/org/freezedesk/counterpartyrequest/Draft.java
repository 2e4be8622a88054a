package org.freezedesk.counterpartyrequest;

import java.time.OffsetDateTime;

/** A response form saved without submitting it; {@code content} is the form as typed, in JSON. */
public record Draft(OffsetDateTime savedAt, String content) {
}
