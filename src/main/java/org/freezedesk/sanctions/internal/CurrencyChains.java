package org.freezedesk.sanctions.internal;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.freezedesk.address.Chain;

/**
 * The FreezeDesk chain of an SDN "Digital Currency Address - XYZ" identifier. A coin's symbol names its chain; a
 * token's (USDT, USDC) does not, as it lives on several chains, so its address's form decides. Symbols of chains
 * FreezeDesk does not handle (XMR, LTC, ZEC, ETC, …) map to none: they are kept with the list but never match a target.
 */
final class CurrencyChains {

    private static final Map<String, Chain> COINS = Map.of(
            "XBT", Chain.BTC,
            "ETH", Chain.ETH,
            "TRX", Chain.TRON,
            "SOL", Chain.SOL,
            "BSC", Chain.BSC,
            "ARB", Chain.ARB);
    private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern TRON = Pattern.compile("T[1-9A-HJ-NP-Za-km-z]{33}");

    private CurrencyChains() {
    }

    static Optional<Chain> chainOf(String currency, String address) {
        Chain coin = COINS.get(currency);
        if (coin != null) {
            return Optional.of(coin);
        }
        if (currency.equals("USDT") || currency.equals("USDC")) {
            if (EVM.matcher(address).matches()) {
                return Optional.of(Chain.ETH);
            }
            if (TRON.matcher(address).matches()) {
                return Optional.of(Chain.TRON);
            }
        }
        return Optional.empty();
    }
}
