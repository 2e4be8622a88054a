package org.freezedesk.review;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The task was decided already, or never was a legal review. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ReviewNotFoundException extends RuntimeException {

    ReviewNotFoundException(String taskId) {
        super("No open legal review " + taskId);
    }
}
