package org.freezedesk.counterpartyrequest;

/** What became of a link. EXPIRED is never stored: an ACTIVE link past its expiry reads as EXPIRED. */
public enum LinkState {
    ACTIVE, EXPIRED, REPLACED, REVOKED
}
