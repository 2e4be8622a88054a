package org.freezedesk.recovery.internal;

public enum RecoveryMethod {
    /** The counterparty sends the funds to the destination address. */
    TRANSFER("Transfer to destination address"),
    /** An issuer burns the frozen tokens and mints the same amount anew; only issuers can. */
    BURN_AND_REISSUE("Burn and reissue");

    private final String label;

    RecoveryMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
