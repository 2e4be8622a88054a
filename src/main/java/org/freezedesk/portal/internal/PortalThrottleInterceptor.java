package org.freezedesk.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A client address that used up its failed look-ups gets 429 on every portal page and API call, whichever
 * module serves it (recoveries and freeze holds included), before any of them looks anything up.
 */
@Configuration
class PortalThrottleInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private final FailedLookups failedLookups;

    PortalThrottleInterceptor(FailedLookups failedLookups) {
        this.failedLookups = failedLookups;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/portal/**", "/api/v1/portal/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (failedLookups.blocked(request.getRemoteAddr())) {
            throw new TooManyFailedLookupsException(failedLookups.retryAfter(request.getRemoteAddr()));
        }
        return true;
    }
}
