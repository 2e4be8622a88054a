package org.freezedesk.security;

/**
 * Where an agency stands with the operator's vetting, shown to every counterparty beside its requests: VETTED
 * agencies were checked in full; PROVISIONAL ones are registered while the check is still under way; SUSPENDED ones
 * are under review after a doubt about their requests, so a counterparty should verify with them by another channel.
 */
public enum VettingStatus {
    VETTED("Vetted"),
    PROVISIONAL("Provisionally registered"),
    SUSPENDED("Suspended");

    private final String label;

    VettingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
