package org.freezedesk.cases.internal;

/** Another run took over the check of a target file (its node was thought dead); this run's results do not count. */
class CheckTakenOverException extends RuntimeException {

    CheckTakenOverException(String importId) {
        super("The check of target import " + importId + " was taken over by another run");
    }
}
