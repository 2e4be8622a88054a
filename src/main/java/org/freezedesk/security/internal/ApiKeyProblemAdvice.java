package org.freezedesk.security.internal;

import java.util.List;
import java.util.Map;

import org.freezedesk.security.ApiKeyProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A key refused as asked, from any module's API (the staff's own keys, the admin's counterparty keys): 400 naming the field. */
@RestControllerAdvice
class ApiKeyProblemAdvice {

    @ExceptionHandler(ApiKeyProblem.class)
    ResponseEntity<ProblemDetail> refused(ApiKeyProblem problem) {
        return answer(HttpStatus.BAD_REQUEST, problem.field(), problem.getMessage());
    }

    static ResponseEntity<ProblemDetail> answer(HttpStatus status, String field, String message) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, message);
        detail.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
    }
}
