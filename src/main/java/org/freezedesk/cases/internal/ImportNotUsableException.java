package org.freezedesk.cases.internal;

/** The import was filed already, still being checked, or has errors: nothing is stored from it. */
public class ImportNotUsableException extends RuntimeException {

    ImportNotUsableException(String message) {
        super(message);
    }
}
