package org.freezedesk.counterpartyrequest;

public enum CounterpartyRequestState {
    NOTIFIED, ACKNOWLEDGED, RESPONDED, OVERDUE, CLOSED
}
