package org.freezedesk.sanctions.internal;

/** One digital-currency address of an SDN entry, with the chain it maps to (null: none FreezeDesk handles). */
record SdnAddress(String entryUid, String entryName, String programmes, String currency, String address, String chain,
        String matchKey) {
}
