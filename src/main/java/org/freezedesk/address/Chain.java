package org.freezedesk.address;

import java.util.Locale;
import java.util.Optional;

/** The chains a target can be on; the constant name is the code used in forms, CSV files and the API. */
public enum Chain {
    BTC("Bitcoin", false, "bip122:000000000019d6689c085ae165831e93", "BTC"),
    ETH("Ethereum", true, "eip155:1", "ETH"),
    BSC("BNB Smart Chain", true, "eip155:56", "BNB"),
    ARB("Arbitrum", true, "eip155:42161", "ETH"),
    OP("Optimism", true, "eip155:10", "ETH"),
    BASE("Base", true, "eip155:8453", "ETH"),
    POLYGON("Polygon", true, "eip155:137", "POL"),
    AVAX("Avalanche C-Chain", true, "eip155:43114", "AVAX"),
    TRON("Tron", false, "tron:728126428", "TRX"),
    SOL("Solana", false, "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp", "SOL");

    private final String displayName;
    private final boolean evm;
    private final String caip2;
    private final String nativeAsset;

    Chain(String displayName, boolean evm, String caip2, String nativeAsset) {
        this.displayName = displayName;
        this.evm = evm;
        this.caip2 = caip2;
        this.nativeAsset = nativeAsset;
    }

    /**
     * The chain's CAIP-2 id: EVM chains by their EIP-155 chain id, Bitcoin by its genesis block hash, Solana by its
     * genesis hash, Tron by the decimal chain id its namespace profile gives (0x2b6653dc, also read in that form).
     */
    public String caip2() {
        return caip2;
    }

    /** The coin the chain pays its fees in: the asset a wallet on it holds when nothing else is said. */
    public String nativeAsset() {
        return nativeAsset;
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

    /** The chain of a CAIP-2 id, compared exactly (Solana's reference is case-sensitive). */
    public static Optional<Chain> ofCaip2(String caip2) {
        if ("tron:0x2b6653dc".equals(caip2)) {
            return Optional.of(TRON);
        }
        for (Chain chain : values()) {
            if (chain.caip2.equals(caip2)) {
                return Optional.of(chain);
            }
        }
        return Optional.empty();
    }
}
