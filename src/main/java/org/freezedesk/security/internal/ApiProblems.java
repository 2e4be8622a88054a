package org.freezedesk.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Refusals of the API's security filters, as RFC 9457 problem details like every other API error. */
final class ApiProblems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiProblems() {
    }

    /** No credentials, or none this chain accepts. */
    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> write(response, HttpStatus.UNAUTHORIZED, "Bearer",
                "Send an API key as Authorization: Bearer <key>; create one on /account/keys");
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, null,
                "This key's roles do not allow this call");
    }

    static void write(HttpServletResponse response, HttpStatus status, String challenge, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        if (challenge != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), Map.of("type", "about:blank", "title", status.getReasonPhrase(),
                "status", status.value(), "detail", detail,
                "errors", List.of(Map.of("field", HttpHeaders.AUTHORIZATION, "message", detail))));
    }
}
