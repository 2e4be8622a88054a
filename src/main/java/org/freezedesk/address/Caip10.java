package org.freezedesk.address;

import java.util.Objects;

/**
 * A CAIP-10 account id: the chain's CAIP-2 id and the address, {@code namespace:reference:address}, the one string
 * wallets, forensic tools and other case systems use to name an account on any chain. Only
 * {@link AddressValidator#checkCaip10} makes one from text, so the address is always the checked, normalized form.
 */
public record Caip10(Chain chain, String address) {

    public Caip10 {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(address, "address");
    }

    /** The id of a target stored as chain and (normalized) address. */
    public static String of(Chain chain, String address) {
        return new Caip10(chain, address).toString();
    }

    /** The id of a target stored as chain code and address; null when the code names no chain. */
    public static String of(String chainCode, String address) {
        return Chain.parse(chainCode).map(chain -> of(chain, address)).orElse(null);
    }

    @Override
    public String toString() {
        return chain.caip2() + ":" + address;
    }
}
