package org.freezedesk.cases;

/**
 * Whether a case was closed. Closing belongs to a higher module (recovery), which implements this, so that the
 * modules below it (counterparty requests, the portal) refuse changes to a closed case without depending on it.
 */
public interface ClosedCases {

    boolean isClosed(String caseReference);
}
