package org.freezedesk.directory;

public record Counterparty(long id, String name, CounterpartyKind kind, String jurisdiction, int responseSlaHours, boolean active) {
}
