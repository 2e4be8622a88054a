package org.freezedesk.security.internal;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.freezedesk.security.StaffUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The password is only the first step. After it, an account that is not a demo user holds a session that can do
 * nothing but give its second factor (or set one up); the code then replaces it with the account's roles.
 */
@Component
public class SecondFactorLogin implements AuthenticationSuccessHandler {

    static final String PENDING = "SECOND_FACTOR_PENDING";
    static final String FAILED_CODES = SecondFactorLogin.class.getName() + ".failedCodes";

    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final SecondFactor secondFactor;
    private final boolean demoEnabled;

    SecondFactorLogin(SecondFactor secondFactor, @Value("${freezedesk.demo.enabled:false}") boolean demoEnabled) {
        this.secondFactor = secondFactor;
        this.demoEnabled = demoEnabled;
    }

    /** Demo users skip the second factor only while the demo is on: demo rows left in a database switched to production do not. */
    boolean skipsSecondFactor(StaffUser user) {
        return demoEnabled && user.isDemo();
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        StaffUser user = (StaffUser) authentication.getPrincipal();
        if (skipsSecondFactor(user)) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        save(new UsernamePasswordAuthenticationToken(user, null, List.of(new SimpleGrantedAuthority(PENDING))), request, response);
        request.getSession().removeAttribute(FAILED_CODES);
        response.sendRedirect(request.getContextPath()
                + (secondFactor.enrolled(user.getUsername()) ? "/login/second-factor" : "/login/enrol"));
    }

    /** The second factor was right: the session gets the account's roles, under a new session id. */
    void complete(StaffUser user, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        request.getSession().removeAttribute(FAILED_CODES);
        save(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()), request, response);
    }

    private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Signed in with every factor the account needs: what any staff page asks at least. */
    public static AuthorizationManager<RequestAuthorizationContext> signedIn() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            Authentication a = authentication.get();
            return new AuthorizationDecision(a != null && a.isAuthenticated() && !(a instanceof AnonymousAuthenticationToken)
                    && a.getAuthorities().stream().noneMatch(g -> PENDING.equals(g.getAuthority())));
        };
    }

    /** Past the password, waiting for the second factor. */
    public static AuthorizationManager<RequestAuthorizationContext> awaitingSecondFactor() {
        return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
            Authentication a = authentication.get();
            return new AuthorizationDecision(a != null && a.getAuthorities().stream().anyMatch(g -> PENDING.equals(g.getAuthority())));
        };
    }
}
