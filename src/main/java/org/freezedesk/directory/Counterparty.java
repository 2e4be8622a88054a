package org.freezedesk.directory;

/** An exchange or issuer; {@code legalRequirements} is what it needs before it freezes, shown to filers and reviewers. */
public record Counterparty(long id, String name, CounterpartyKind kind, String jurisdiction, int responseSlaHours, boolean active,
        String legalRequirements) {
}
