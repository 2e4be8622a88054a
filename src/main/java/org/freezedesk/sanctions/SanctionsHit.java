package org.freezedesk.sanctions;

/**
 * An SDN entry that lists an address: the entry's OFAC id and name, its programmes (such as DPRK3 or CYBER2) and the
 * currency symbol OFAC listed the address under (such as ETH, XBT, USDT).
 */
public record SanctionsHit(String entryUid, String entryName, String programmes, String currency) {
}
