package org.freezedesk.input;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.JsonMappingException;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Refused input as the caller can use it: the JSON API answers RFC 9457 problem details with the field named
 * in {@code errors}, pages answer an error page that says what to do and links back. Controllers' own handlers
 * come first; this one catches what reaches no form's field errors.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class InputErrors {

    @ExceptionHandler(InputRefusedException.class)
    Object refused(InputRefusedException e, HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = e instanceof BoundedBody.BodyTooLargeException ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
        return answer(status, e.field(), e.getMessage(), request, response);
    }

    @ExceptionHandler(NotOpenException.class)
    Object notOpen(NotOpenException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.CONFLICT, null, e.getMessage(), request, response);
    }

    /** A JSON body that does not parse, or a value of the wrong type, named by its path such as {@code targets[0].amount}. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping.getPath());
            String message = mapping.getCause() instanceof IllegalArgumentException policy && policy.getMessage() != null
                    && policy.getMessage().equals(InputPolicy.CONTROL_CHARACTERS_MESSAGE)
                    ? policy.getMessage() : "This value has the wrong type or form here";
            return answer(HttpStatus.BAD_REQUEST, field, message, request, response);
        }
        return answer(HttpStatus.BAD_REQUEST, null, "The request body is not readable JSON of the documented form", request, response);
    }

    @ExceptionHandler(TypeMismatchException.class)
    Object typeMismatch(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        String message = e.getCause() != null && InputPolicy.CONTROL_CHARACTERS_MESSAGE.equals(e.getCause().getMessage())
                ? InputPolicy.CONTROL_CHARACTERS_MESSAGE : "This value has the wrong type or form here";
        return answer(HttpStatus.BAD_REQUEST, field, message, request, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.BAD_REQUEST, e.getParameterName(), "This parameter is required", request, response);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    Object missingHeader(MissingRequestHeaderException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.BAD_REQUEST, e.getHeaderName(), "This header is required", request, response);
    }

    /** A form field path the form never has, such as {@code targets[999999].chain} or {@code targets[-1].chain}. */
    @ExceptionHandler(InvalidPropertyException.class)
    Object invalidProperty(InvalidPropertyException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.BAD_REQUEST, e.getPropertyName(), "This form has no such field; a form holds at most "
                + InputPolicy.MAX_FORM_ROWS + " rows, import a CSV file for more", request, response);
    }

    /** A {@code @Valid} body of the JSON API (forms bind into their own field errors and never get here). */
    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalid(MethodArgumentNotValidException e, HttpServletRequest request, HttpServletResponse response) {
        if (isApi(request)) {
            return Problems.badRequest(e.getBindingResult());
        }
        return answer(HttpStatus.BAD_REQUEST, null, "The form could not be read; go back and send it again", request, response);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, "file", "The upload is too large; split the file", request, response);
    }

    @ExceptionHandler(MultipartException.class)
    Object multipart(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
        return answer(HttpStatus.BAD_REQUEST, null, "The form upload could not be read; choose the file again", request, response);
    }

    /**
     * What Spring MVC refuses before or around a controller of the JSON API: no such route (404), method (405, with
     * {@code Allow}), content type (415) or acceptable answer (406). Pages keep Spring's own error page.
     */
    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class, ResponseStatusException.class})
    ResponseEntity<ProblemDetail> refusedByMvc(Exception e, HttpServletRequest request) throws Exception {
        if (!isApi(request) || !(e instanceof ErrorResponse refusal)) {
            throw e;
        }
        HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
        String detail = refusal.getBody().getDetail();
        ResponseEntity<ProblemDetail> problem = Problems.of(status, null, detail == null ? status.getReasonPhrase() : detail);
        return ResponseEntity.status(status).headers(refusal.getHeaders()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem.getBody());
    }

    /**
     * The application's own refusals of the JSON API that carry their status ({@code @ResponseStatus}, such as a case
     * one may not read, 404, or one's own request to review, 403), with their message. Anything else is not a refusal.
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> refusedByApplication(RuntimeException e, HttpServletRequest request) {
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(e.getClass(), ResponseStatus.class);
        if (!isApi(request) || status == null || !status.code().is4xxClientError()) {
            throw e;
        }
        return Problems.of(status.code(), null, status.reason().isEmpty() ? e.getMessage() : status.reason());
    }

    private static Object answer(HttpStatus status, String field, String message, HttpServletRequest request,
            HttpServletResponse response) {
        if (isApi(request)) {
            return Problems.of(status, field, message);
        }
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView(status == HttpStatus.CONFLICT ? "error/409" : "error/4xx",
                Map.of("status", status.value(), "error", status.getReasonPhrase(),
                        "problem", field == null ? message : field + ": " + message, "back", BackLinks.of(request.getRequestURI())));
        page.setStatus(status);
        return page;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
