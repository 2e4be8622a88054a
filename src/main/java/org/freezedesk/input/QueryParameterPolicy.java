package org.freezedesk.input;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The policy for the parameters of reading requests (GET, HEAD), which have no form to show errors in: a value
 * with control characters is refused with 400 naming the parameter, whatever type the handler reads it as
 * (lists of text included, which the binder's editor does not see).
 */
@Component
class QueryParameterPolicy extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            for (var parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (InputPolicy.hasControlCharacters(value) || InputPolicy.hasControlCharacters(parameter.getKey())) {
                        response.sendError(HttpStatus.BAD_REQUEST.value(),
                                parameter.getKey() + ": " + InputPolicy.CONTROL_CHARACTERS_MESSAGE);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
