package org.freezedesk.security.internal;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What the browser is told about FreezeDesk's own pages: scripts and styles only from our own files (no
 * inline script, no style attributes), no camera, microphone or location, no framing. Camunda's webapps
 * under {@code /camunda} send their own policy, which a second one would break.
 */
final class PageSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "interest-cohort=()";

    /** The CSRF cookie; Cockpit's own is {@code XSRF-TOKEN} under {@code /camunda}. */
    static final String CSRF_COOKIE = "FREEZEDESK-CSRF";

    private PageSecurity() {
    }

    static Customizer<HeadersConfigurer<HttpSecurity>> headers() {
        RequestMatcher ownPages = new NegatedRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"));
        return headers -> headers
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(ownPages, new StaticHeadersWriter(
                        "Content-Security-Policy", CONTENT_SECURITY_POLICY)))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    /**
     * The CSRF token lives in a cookie rather than the session, so that showing a form to someone not
     * signed in (the login page, the portal) stores nothing on the server.
     */
    static CsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        return tokens;
    }
}
