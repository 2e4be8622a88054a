package org.freezedesk.directory;

/** One counterparty a target goes to, and why. */
public record Route(long counterpartyId, String counterpartyName, CounterpartyKind kind, RouteReason reason) {
}
