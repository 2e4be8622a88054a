package org.freezedesk.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.FORBIDDEN)
public class FourEyesViolationException extends RuntimeException {

    public FourEyesViolationException() {
        this("You filed this request, so someone else must review it (four eyes)");
    }

    public FourEyesViolationException(String message) {
        super(message);
    }
}
