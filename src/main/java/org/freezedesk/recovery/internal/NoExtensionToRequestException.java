package org.freezedesk.recovery.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The hold is not waiting for the agency to ask for an extension: not near its lapse, or asked already. */
@ResponseStatus(HttpStatus.CONFLICT)
class NoExtensionToRequestException extends RuntimeException {

    NoExtensionToRequestException(long holdId) {
        super("Freeze hold " + holdId + " is not waiting for an extension request");
    }
}
