package org.freezedesk.security.internal;

import java.util.EnumSet;
import java.util.Set;

import org.freezedesk.security.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the accounts a fresh installation needs: the demo users in the embedded default, or the
 * one administrator named by the environment in production. Existing accounts are left alone. The bootstrap
 * administrator signs in with a second factor like every account that is not a demo user: it sets one up at its
 * first sign-in.
 */
@Component
class StaffAccounts implements ApplicationRunner {

    @ConfigurationProperties("freezedesk.admin")
    record BootstrapAdmin(String username, String password) {
    }

    @ConfigurationProperties("freezedesk.demo")
    record Demo(boolean enabled) {
    }

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final BootstrapAdmin admin;
    private final Demo demo;
    private final DemoAccounts demoAccounts;

    StaffAccounts(StaffUserRepository users, PasswordEncoder encoder, BootstrapAdmin admin, Demo demo, DemoAccounts demoAccounts) {
        this.demoAccounts = demoAccounts;
        this.users = users;
        this.encoder = encoder;
        this.admin = admin;
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo.enabled()) {
            demoAccounts.create();
        }
        if (admin.username() != null && !admin.username().isBlank()) {
            if (admin.password() == null || admin.password().length() < 12) {
                throw new IllegalStateException("FREEZEDESK_ADMIN_PASSWORD must have at least 12 characters");
            }
            create(admin.username(), admin.password(), "Administrator", null, EnumSet.of(Role.ADMIN));
        }
    }

    private void create(String username, String password, String displayName, String agency, Set<Role> roles) {
        if (!users.exists(username)) {
            users.create(username, encoder.encode(password), displayName, agency, roles);
        }
    }
}
