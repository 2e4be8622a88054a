package org.freezedesk.security.internal;

import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The engine REST API ({@code /engine-rest}) for operators: Spring Security lets an ADMIN read and retry
 * failed jobs there and nothing else, and this filter makes the engine see who calls, so its
 * authorizations ({@link EngineOperators}) apply as well. Without it the engine would run every REST call
 * unchecked.
 */
@Configuration
class EngineRestSecurity {

    /** Reading anything, and the retries of failed jobs: what an operator needs, no more. */
    static RequestMatcher operatorCalls() {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(
                path.matcher(HttpMethod.GET, "/engine-rest/**"),
                path.matcher(HttpMethod.PUT, "/engine-rest/job/*/retries"),
                path.matcher(HttpMethod.POST, "/engine-rest/job/retries"),
                path.matcher(HttpMethod.PUT, "/engine-rest/job-definition/*/retries"),
                path.matcher(HttpMethod.PUT, "/engine-rest/external-task/*/retries"));
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Integer.MAX_VALUE - 100);
        return registration;
    }
}
