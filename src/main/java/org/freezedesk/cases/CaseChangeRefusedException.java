package org.freezedesk.cases;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The user may read the case but not change it: only investigators of the owning agency change a case. */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class CaseChangeRefusedException extends RuntimeException {

    public CaseChangeRefusedException(String reference) {
        super("Only the agency that owns " + reference + " may change it");
    }
}
