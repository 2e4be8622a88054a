package org.freezedesk.recovery.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A second answer to the same instruction, such as a form sent twice. */
@ResponseStatus(HttpStatus.CONFLICT)
class AlreadyAnsweredException extends RuntimeException {

    AlreadyAnsweredException(long id) {
        super("Recovery instruction " + id + " was already answered");
    }
}
