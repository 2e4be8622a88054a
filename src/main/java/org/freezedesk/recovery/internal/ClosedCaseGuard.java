package org.freezedesk.recovery.internal;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.input.NotOpenException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A closed case is read-only: every change under its pages or its API is refused, whichever feature serves
 * it, so features added later are covered without knowing about closing.
 */
@Component
class ClosedCaseGuard implements HandlerInterceptor, WebMvcConfigurer {

    private final CaseClosureRepository closures;

    ClosedCaseGuard(CaseClosureRepository closures) {
        this.closures = closures;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/cases/*/**", "/api/v1/cases/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String reference = variables == null ? null : variables.get("reference");
        if (reference != null && closures.isClosed(reference)) {
            String message = "Case " + reference + " is closed and can no longer change";
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                // The API's refusals are problem details, which the error page would not write.
                throw new NotOpenException(message);
            }
            response.sendError(HttpStatus.CONFLICT.value(), message);
            return false;
        }
        return true;
    }
}
