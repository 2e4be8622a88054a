package org.freezedesk.recovery.internal;

/** The legal instrument that orders frozen funds handed over. */
public enum Instrument {
    SEIZURE_WARRANT("Seizure warrant"),
    FORFEITURE_ORDER("Forfeiture order"),
    RESTITUTION_ORDER("Restitution order");

    private final String label;

    Instrument(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
