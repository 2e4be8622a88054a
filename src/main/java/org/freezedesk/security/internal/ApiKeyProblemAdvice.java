package org.freezedesk.security.internal;

import org.freezedesk.input.Problems;
import org.freezedesk.security.ApiKeyProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A key refused as asked, from any module's API (the staff's own keys, the admin's counterparty keys): 400 naming the
 * field. Ahead of the input module's catch-all for runtime exceptions, which would otherwise take it first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiKeyProblemAdvice {

    @ExceptionHandler(ApiKeyProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiKeyProblem problem) {
        return answer(HttpStatus.BAD_REQUEST, problem.field(), problem.getMessage());
    }

    static ResponseEntity<ProblemDetail> answer(HttpStatus status, String field, String message) {
        return Problems.of(status, field, message);
    }
}
