package org.freezedesk.cases.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such ask on this case: answered as not found, whatever exists elsewhere. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class JoinAskNotFoundException extends RuntimeException {

    JoinAskNotFoundException(long id) {
        super("No ask to join " + id + " on this case");
    }
}
