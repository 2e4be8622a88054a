package org.freezedesk.directory.internal;

import java.util.List;

import org.freezedesk.directory.CounterpartyKind;

/** A counterparty that passed validation, normalized, ready to be stored with its contacts and assets. */
record NewCounterparty(String name, CounterpartyKind kind, String jurisdiction, int responseSlaHours, String legalRequirements,
        boolean active, List<NewContact> contacts, List<ServedAsset> assets) {

    record NewContact(String name, String email, boolean primary) {
    }

    String describe() {
        return name + "; " + kind + "; " + jurisdiction + "; SLA " + responseSlaHours + " h; " + (active ? "active" : "inactive")
                + "; contacts " + contacts.stream().map(c -> c.email() + (c.primary() ? " (primary)" : "")).toList()
                + "; assets " + assets.stream().map(a -> a.chain() + ":" + a.asset() + (a.tokenContract() == null ? "" : ":" + a.tokenContract())).toList()
                + "; legal requirements: " + legalRequirements;
    }
}
