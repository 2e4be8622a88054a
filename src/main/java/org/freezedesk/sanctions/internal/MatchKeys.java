package org.freezedesk.sanctions.internal;

import java.util.Locale;
import java.util.Optional;

import org.freezedesk.address.Chain;

/**
 * The form in which a listed address and a target's address are compared. EVM addresses are hex, whose letter case
 * is only the EIP-55 checksum, and one key covers every EVM chain; bech32 is case-insensitive; base58 (legacy
 * Bitcoin, Tron, Solana) is case-sensitive and compared exactly.
 */
public final class MatchKeys {

    private MatchKeys() {
    }

    public static Optional<String> of(String chainCode, String address) {
        return Chain.parse(chainCode).flatMap(chain -> of(chain, address));
    }

    static Optional<String> of(Chain chain, String address) {
        if (address == null || address.isBlank()) {
            return Optional.empty();
        }
        String a = address.strip();
        if (chain.isEvm()) {
            return Optional.of("evm:" + a.toLowerCase(Locale.ROOT));
        }
        if (chain == Chain.BTC && a.toLowerCase(Locale.ROOT).startsWith("bc1")) {
            return Optional.of("BTC:" + a.toLowerCase(Locale.ROOT));
        }
        return Optional.of(chain.name() + ":" + a);
    }
}
