package org.freezedesk.cases;

/** {@link #WITHDRAWN}: the second review rejected the EMERGENCY request it belongs to; the counterparty releases the freeze. */
public enum CounterpartyRequestState {
    NOTIFIED, ACKNOWLEDGED, RESPONDED, OVERDUE, CLOSED, WITHDRAWN
}
