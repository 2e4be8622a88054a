package org.freezedesk.directory.internal;

/**
 * A chain and asset a counterparty serves; {@code *} stands for every asset on the chain. For an issuer the
 * token contract it can freeze on that chain.
 */
public record ServedAsset(String chain, String asset, String tokenContract) {

    public static final String EVERY_ASSET = "*";
}
