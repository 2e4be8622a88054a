package org.freezedesk.directory;

public enum CounterpartyKind {
    /** Custodial exchange holding deposit addresses. */
    EXCHANGE,
    /** Stablecoin issuer able to blacklist an address for its token. */
    ISSUER
}
