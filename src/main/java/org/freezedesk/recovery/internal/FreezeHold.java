package org.freezedesk.recovery.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

public record FreezeHold(long id, long counterpartyRequestId, long targetId, LocalDate heldUntil, FreezeHoldState state,
        OffsetDateTime extensionRequestedAt, String extensionRequestedBy, String caseReference, String counterpartyName,
        String chain, String asset, String address) {
}
