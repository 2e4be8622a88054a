package org.freezedesk.cases;

public enum CounterpartyRequestState {
    NOTIFIED, ACKNOWLEDGED, RESPONDED, OVERDUE, CLOSED
}
