package org.freezedesk.cases;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Also what a user gets for a case of another agency: its existence is not revealed. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String reference) {
        super("No case " + reference);
    }
}
