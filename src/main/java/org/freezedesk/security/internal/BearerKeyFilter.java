package org.freezedesk.security.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.security.ApiKeys;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer fdk_…} on the API: a key that stands for nobody is refused at once (401), so a
 * revoked or expired key never falls through to what anonymous callers may do. Other bearer tokens (a portal link's
 * token on {@code /api/v1/portal}) are left to the controllers that know them.
 */
class BearerKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final KeyAuthentication keys;

    BearerKeyFilter(KeyAuthentication keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || !authorization.substring(BEARER.length()).strip().startsWith(ApiKeys.PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Authentication> authentication = keys.authenticate(authorization.substring(BEARER.length()).strip());
        if (authentication.isEmpty()) {
            ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "Bearer error=\"invalid_token\"",
                    "This key is unknown, revoked or expired, or its account is deactivated");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
