package org.freezedesk.directory;

/** What routing looks at: the chain, the asset and the address in normalized form. */
public record RouteKey(String chain, String asset, String address) {
}
