package org.freezedesk.recovery.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class RecoveryNotFoundException extends RuntimeException {

    RecoveryNotFoundException(Object what) {
        super("No recovery instruction or review " + what);
    }
}
