package org.freezedesk.cases.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Also what a user gets for another user's import: its existence is not revealed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ImportNotFoundException extends RuntimeException {

    ImportNotFoundException(String id) {
        super("No import " + id);
    }
}
