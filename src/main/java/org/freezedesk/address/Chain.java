package org.freezedesk.address;

import java.util.Locale;
import java.util.Optional;

/** The chains a target can be on; the constant name is the code used in forms, CSV files and the API. */
public enum Chain {
    BTC("Bitcoin", false),
    ETH("Ethereum", true),
    BSC("BNB Smart Chain", true),
    ARB("Arbitrum", true),
    OP("Optimism", true),
    BASE("Base", true),
    POLYGON("Polygon", true),
    AVAX("Avalanche C-Chain", true),
    TRON("Tron", false),
    SOL("Solana", false);

    private final String displayName;
    private final boolean evm;

    Chain(String displayName, boolean evm) {
        this.displayName = displayName;
        this.evm = evm;
    }

    public String displayName() {
        return displayName;
    }

    /** EVM chains share Ethereum's address and transaction hash formats. */
    public boolean isEvm() {
        return evm;
    }

    /** Reads a chain code as people type it: surrounding spaces and letter case do not matter. */
    public static Optional<Chain> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toUpperCase(Locale.ROOT);
        for (Chain chain : values()) {
            if (chain.name().equals(wanted)) {
                return Optional.of(chain);
            }
        }
        return Optional.empty();
    }
}
