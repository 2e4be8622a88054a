package org.freezedesk.security.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.security.Throttles;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Wrong passwords are limited per account and per client address on the login form (the only place a password
 * is taken: the API takes keys), with the buckets shared by every node ({@link Throttles}). Once a limit is used
 * up, every attempt is refused before the password is even checked, the right one included, until the window
 * has passed, and the form says so.
 */
@Configuration
class LoginThrottle {

    /** {@code perAccount} and {@code perAddress} wrong passwords per {@code window}. */
    @ConfigurationProperties("freezedesk.login-throttle")
    record Settings(int perAccount, int perAddress, Duration window) {
    }

    static final String FORM_REFUSED = "/login?throttled=";

    private final Throttles throttles;
    private final Throttles.Limit perAccount;
    private final Throttles.Limit perAddress;

    LoginThrottle(Throttles throttles, Settings settings) {
        this.throttles = throttles;
        this.perAccount = new Throttles.Limit("login-account", settings.perAccount(), settings.window());
        this.perAddress = new Throttles.Limit("login-address", settings.perAddress(), settings.window());
    }

    @EventListener
    void wrongPassword(AuthenticationFailureBadCredentialsEvent event) {
        throttles.failed(perAccount, account(event.getAuthentication().getName()));
        if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
            throttles.failed(perAddress, details.getRemoteAddress());
        }
    }

    /** Runs before Spring Security, so a refused attempt never reaches the password check. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new RefuseWhenUsedUp());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    private final class RefuseWhenUsedUp extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
            String username = form ? request.getParameter("username") : null;
            if (username == null) {
                chain.doFilter(request, response);
                return;
            }
            Duration wait = max(throttles.blockedFor(perAccount, account(username)),
                    throttles.blockedFor(perAddress, request.getRemoteAddr()));
            if (wait.isZero()) {
                chain.doFilter(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + FORM_REFUSED + minutes(wait));
            }
        }
    }

    /** User names are matched case-insensitively, so "Admin" and "admin" share one bucket. */
    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long minutes(Duration wait) {
        return Math.max(1, (wait.toSeconds() + 59) / 60);
    }
}
