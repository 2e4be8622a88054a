package org.freezedesk.cases.internal;

import org.freezedesk.address.Caip10;
import org.freezedesk.address.Chain;

/**
 * An account as the address index compares it: the chain and the address in the form the address module normalizes it
 * to (EIP-55 on EVM chains, bc1 in lower case, base58 as it is), which together are exactly its CAIP-10 id.
 */
record IndexedAddress(Chain chain, String address) {

    /** What the index's SQL compares: chain code and address, as the target table stores them. */
    String key() {
        return chain.name() + ":" + address;
    }

    String caip10() {
        return Caip10.of(chain, address);
    }
}
