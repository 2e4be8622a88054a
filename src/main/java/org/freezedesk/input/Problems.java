package org.freezedesk.input;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;

/**
 * The one form of every error the JSON API answers: RFC 9457 problem details ({@code application/problem+json}) whose
 * {@code errors} name each field at fault as the request named it ({@code targets[0].amount}); an error about the
 * request as a whole has no field.
 */
public final class Problems {

    public record FieldError(String field, String message) {
    }

    private Problems() {
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, String field, String message) {
        return of(status, List.of(new FieldError(field, message)));
    }

    public static ResponseEntity<ProblemDetail> of(HttpStatus status, List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                errors.isEmpty() ? status.getReasonPhrase() : errors.get(0).message());
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** 400 with the errors of a validation: those about the whole request first, then those of each field. */
    public static ResponseEntity<ProblemDetail> badRequest(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getGlobalErrors().forEach(e -> errors.add(new FieldError(null, e.getDefaultMessage())));
        result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        return of(HttpStatus.BAD_REQUEST, errors);
    }
}
