package org.freezedesk.audit.internal;

/** The outcome of checking a case's JSON export on its own. */
public record ExportVerification(boolean intact, String caseReference, int eventsChecked, Long brokenEventId, String problem) {

    public String summary() {
        return intact
                ? "export of " + caseReference + " intact: " + eventsChecked + " events verified"
                : "export of " + caseReference + " BROKEN" + (brokenEventId == null ? "" : " at event " + brokenEventId) + ": " + problem;
    }
}
