package org.freezedesk.directory.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.NOT_FOUND)
class CounterpartyNotFoundException extends RuntimeException {

    CounterpartyNotFoundException(long id) {
        super("No counterparty " + id);
    }
}
