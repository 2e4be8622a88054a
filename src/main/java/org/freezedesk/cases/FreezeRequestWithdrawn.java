package org.freezedesk.cases;

/**
 * The second review rejected an EMERGENCY request that had already gone out: every counterparty it reached must
 * release the freeze. Published by {@code releaseFreeze} in {@code freeze-request.bpmn}; the counterparty requests
 * react to it.
 */
public record FreezeRequestWithdrawn(long freezeRequestId, String caseReference) {
}
