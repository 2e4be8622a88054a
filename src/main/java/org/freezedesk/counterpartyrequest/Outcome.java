package org.freezedesk.counterpartyrequest;

public enum Outcome {
    FROZEN, PARTIALLY_FROZEN, NO_FUNDS, NOT_OUR_CUSTOMER, FUNDS_MOVED, DECLINED;

    public boolean freezesFunds() {
        return this == FROZEN || this == PARTIALLY_FROZEN;
    }
}
