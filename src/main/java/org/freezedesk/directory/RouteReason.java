package org.freezedesk.directory;

/** Why a target goes to a counterparty. */
public enum RouteReason {
    ISSUER_TOKEN("issuer can freeze this token"),
    ATTRIBUTED_ADDRESS("address attributed to this exchange"),
    OVERRIDE("chosen by the filer"),
    /** Requests filed before routing existed, when the filer picked a counterparty per row. */
    FILER_CHOICE("picked by the filer when filing");

    private final String description;

    RouteReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
