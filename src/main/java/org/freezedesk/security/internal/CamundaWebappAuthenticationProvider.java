package org.freezedesk.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.freezedesk.security.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Hands the FreezeDesk admin's login to Cockpit; Spring Security already refused everyone else. */
public class CamundaWebappAuthenticationProvider extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean admin = authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (!admin) {
            return AuthenticationResult.unsuccessful();
        }
        ensureCamundaUser(engine.getIdentityService(), authentication.getName());
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(List.of(Groups.CAMUNDA_ADMIN));
        return result;
    }

    /**
     * Cockpit only accepts users its own identity store knows. The password is random and never told to
     * anyone: logging in always goes through FreezeDesk.
     */
    private static void ensureCamundaUser(IdentityService identityService, String username) {
        if (identityService.createUserQuery().userId(username).count() == 0) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            User user = identityService.newUser(username);
            user.setPassword(Base64.getEncoder().encodeToString(secret));
            identityService.saveUser(user);
        }
    }
}
