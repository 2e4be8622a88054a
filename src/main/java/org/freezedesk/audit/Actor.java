package org.freezedesk.audit;

/** Who made a change: a staff user, a counterparty contact through its link, or the engine itself. */
public record Actor(String name, String role) {

    public static final Actor ENGINE = new Actor("engine", "SYSTEM");

    public static Actor counterparty(String counterpartyName, long counterpartyRequestId) {
        return new Actor(counterpartyName + " (link of counterparty request " + counterpartyRequestId + ")", "COUNTERPARTY");
    }
}
