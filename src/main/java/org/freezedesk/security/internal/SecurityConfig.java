package org.freezedesk.security.internal;

import java.util.Arrays;
import java.util.Map;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.freezedesk.security.CounterpartyClient;
import org.freezedesk.security.Role;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration
public class SecurityConfig {

    private final KeyAuthentication keys;
    private final SecondFactorLogin secondFactorLogin;

    SecurityConfig(KeyAuthentication keys, SecondFactorLogin secondFactorLogin) {
        this.keys = keys;
        this.secondFactorLogin = secondFactorLogin;
    }

    /** Health for load balancers; the metrics only for an operator's scraper, with a key of ADMIN scope. */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http) throws Exception {
        keyOnly(http);
        return http.securityMatcher(path("/actuator/**"))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(path("/actuator/health")).permitAll()
                        .requestMatchers(path("/actuator/prometheus")).hasRole(Role.ADMIN.name())
                        .anyRequest().denyAll())
                .build();
    }

    /**
     * Machine clients (agencies' case systems, counterparties' systems, operators' scripts) authenticate every call
     * with an API key; a password never opens the API (no HTTP Basic, so no password hashing per call) and a
     * browser session cookie is never accepted here, which is why CSRF protection is not needed on this chain.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        keyOnly(http);
        return http.securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(EngineRestSecurity.operatorCalls()).hasRole(Role.ADMIN.name())
                        .requestMatchers(path("/engine-rest/**")).denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/cases").hasRole(Role.AGENCY.name())
                        .requestMatchers("/api/v1/imports/**").hasRole(Role.AGENCY.name())
                        .requestMatchers("/api/v1/invitations", "/api/v1/invitations/**").hasRole(Role.AGENCY.name())
                        .requestMatchers("/api/v1/cases/*/recoveries", "/api/v1/cases/*/recoveries/**").hasRole(Role.AGENCY.name())
                        .requestMatchers("/api/v1/reviews", "/api/v1/reviews/**", "/api/v1/recovery-reviews",
                                "/api/v1/recovery-reviews/**").hasRole(Role.LEGAL.name())
                        .requestMatchers("/api/v1/cases/**").hasAnyRole(Role.AGENCY.name(), Role.LEGAL.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/v1/addresses/**").hasAnyRole(Role.AGENCY.name(), Role.LEGAL.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/address-index/asks").hasAnyRole(Role.AGENCY.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/v1/address-index/**").hasRole(Role.AGENCY.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasRole(Role.AUDITOR.name())
                        // Counterparties have no account: the token of their link, checked by the portal, is the credential.
                        .requestMatchers("/api/v1/portal/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/stats").hasAnyRole(Role.AGENCY.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/v1/keys/**").hasAnyRole(STAFF_ROLES)
                        .requestMatchers("/api/v1/counterparty/**").hasAuthority(CounterpartyClient.AUTHORITY)
                        .requestMatchers("/api/v1/webhooks", "/api/v1/webhooks/**")
                                .hasAnyAuthority(Role.AGENCY.authority(), CounterpartyClient.AUTHORITY)
                        .anyRequest().denyAll())
                .build();
    }

    private static final String[] STAFF_ROLES = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    /**
     * What the API and metrics chains share: a bearer key per call, no session, answers as problem details. Set before
     * the chain is built: from a configurer's init it came after session management had chosen to keep the security
     * context in a session, and every keyed call then wrote a new session row.
     */
    private void keyOnly(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ApiProblems.unauthorized())
                        .accessDeniedHandler(ApiProblems.forbidden()))
                .addFilterBefore(new BearerKeyFilter(keys), BasicAuthenticationFilter.class);
    }

    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/portal/**", "/password-reset/**").permitAll()
                        // The description of the JSON API holds no data, and client generators fetch it without a
                        // session; Swagger UI (/swagger-ui.html) falls under "signed in" below.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        .requestMatchers("/login/second-factor", "/login/enrol").access(SecondFactorLogin.awaitingSecondFactor())
                        .requestMatchers("/cases/**").hasRole(Role.AGENCY.name())
                        .requestMatchers("/invitations", "/invitations/**").hasRole(Role.AGENCY.name())
                        .requestMatchers(HttpMethod.GET, "/address-index/asks").hasAnyRole(Role.AGENCY.name(), Role.AUDITOR.name())
                        .requestMatchers("/address-index/**").hasRole(Role.AGENCY.name())
                        .requestMatchers("/review/**").hasRole(Role.LEGAL.name())
                        .requestMatchers("/audit/**").hasRole(Role.AUDITOR.name())
                        .requestMatchers("/stats/**").hasAnyRole(Role.AGENCY.name(), Role.AUDITOR.name())
                        .requestMatchers("/webhooks/**").hasRole(Role.AGENCY.name())
                        .requestMatchers(path("/admin/**"), path("/camunda/**")).hasRole(Role.ADMIN.name())
                        .anyRequest().access(SecondFactorLogin.signedIn()))
                .formLogin(form -> form.loginPage("/login").successHandler(secondFactorLogin).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // Cockpit sends its own CSRF header, checked by the webapp's own filter.
                .csrf(csrf -> csrf.csrfTokenRepository(PageSecurity.csrfTokens()).ignoringRequestMatchers(path("/camunda/**")))
                // After login everyone starts at the home page, so a page asked for before needs no session to remember it.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .headers(PageSecurity.headers())
                .build();
    }

    /** Matches by path alone, so it also covers the Camunda servlets that Spring MVC does not serve. */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Lets an admin who logged in to FreezeDesk open Cockpit without a second login. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSingleSignOn() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                CamundaWebappAuthenticationProvider.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        registration.setOrder(Integer.MAX_VALUE - 100);
        return registration;
    }
}
