package org.freezedesk.cases.internal;

/** The uploaded file cannot be checked at all (too many lines, not CSV, wrong columns); nothing is stored. */
public class ImportRefusedException extends Exception {

    ImportRefusedException(String message) {
        super(message);
    }
}
