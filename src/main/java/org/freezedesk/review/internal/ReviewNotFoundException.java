package org.freezedesk.review.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The task was decided already, or never was a legal review. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ReviewNotFoundException extends RuntimeException {

    public ReviewNotFoundException(String taskId) {
        super("No open legal review " + taskId);
    }
}
