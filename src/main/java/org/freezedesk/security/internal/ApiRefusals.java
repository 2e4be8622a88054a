package org.freezedesk.security.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.freezedesk.input.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The JSON API's refusals by the security filters, before any controller: 401 (no credential, or a wrong one) and
 * 403 (a role that may not call this) as the same RFC 9457 problem details as every other API error.
 */
class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    ApiRefusals(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"FreezeDesk\"");
        write(response, HttpStatus.UNAUTHORIZED, "Sign in: send your credentials with every call (an account with a second "
                + "factor also sends X-FreezeDesk-TOTP)");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Your role may not call this");
    }

    private void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(status, List.of(new Problems.FieldError(null, message))).getBody());
    }
}
