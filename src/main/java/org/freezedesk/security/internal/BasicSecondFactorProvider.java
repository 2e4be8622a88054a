package org.freezedesk.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.freezedesk.security.StaffUser;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * HTTP Basic for the API and the metrics: besides the password, an account that is not a demo user sends the
 * current code of its authenticator in the {@value #HEADER} header, so a password alone opens nothing.
 */
public class BasicSecondFactorProvider extends DaoAuthenticationProvider {

    public static final String HEADER = "X-FreezeDesk-TOTP";

    private final SecondFactor secondFactor;
    private final SecondFactorLogin login;

    public BasicSecondFactorProvider(StaffUserRepository users, PasswordEncoder encoder, SecondFactor secondFactor,
            SecondFactorLogin login) {
        super(users);
        setPasswordEncoder(encoder);
        this.secondFactor = secondFactor;
        this.login = login;
    }

    @Override
    protected void additionalAuthenticationChecks(UserDetails userDetails, UsernamePasswordAuthenticationToken authentication)
            throws AuthenticationException {
        super.additionalAuthenticationChecks(userDetails, authentication);
        StaffUser user = (StaffUser) userDetails;
        if (!login.skipsSecondFactor(user) && !secondFactor.current(user.getUsername(), codeSent())) {
            throw new BadCredentialsException("A current second-factor code is required in the " + HEADER + " header");
        }
    }

    private static String codeSent() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getHeader(HEADER);
        }
        return null;
    }
}
