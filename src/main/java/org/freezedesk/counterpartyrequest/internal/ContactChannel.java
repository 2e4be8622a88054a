package org.freezedesk.counterpartyrequest.internal;

/** How the agency reached a counterparty that had not answered in time. */
public enum ContactChannel {
    PHONE, EMAIL
}
