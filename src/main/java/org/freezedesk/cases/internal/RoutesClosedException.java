package org.freezedesk.cases.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Legal review approved the request, so its counterparties have been asked and its routes stay as they were. */
@ResponseStatus(HttpStatus.CONFLICT)
public class RoutesClosedException extends RuntimeException {

    public RoutesClosedException(String reference, int sequence) {
        super("Request " + sequence + " of " + reference + " was approved and sent; its routes can no longer change");
    }
}
