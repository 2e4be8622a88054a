package org.freezedesk.counterpartyrequest.internal;

import java.time.OffsetDateTime;

/** A phone call or e-mail by the agency to a counterparty that had not answered in time. */
public record FollowUpContact(ContactChannel channel, String note, String recordedBy, OffsetDateTime recordedAt) {
}
