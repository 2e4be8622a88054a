package org.freezedesk.sanctions;

/** An address to screen, on a chain given by its FreezeDesk code (such as ETH, BTC, TRON). */
public record ScreenedAddress(String chain, String address) {
}
