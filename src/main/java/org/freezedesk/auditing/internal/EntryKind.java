package org.freezedesk.auditing.internal;

/** What a timeline entry is: a change from the audit log, or something the engine's history saw. */
public enum EntryKind {
    CHANGE("Change"),
    TASK("Task"),
    TIMER("Timer fired"),
    JOB_FAILURE("Failed job"),
    INCIDENT("Incident");

    private final String label;

    EntryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
