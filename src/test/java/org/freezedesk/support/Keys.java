package org.freezedesk.support;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.freezedesk.security.ApiKeyForm;
import org.freezedesk.security.ApiKeys;
import org.freezedesk.security.Role;
import org.freezedesk.security.StaffUser;
import org.freezedesk.security.internal.StaffUserRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** API keys for tests, made through the same service as the keys page, and the header that sends one. */
public final class Keys {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    private Keys() {
    }

    /** A key of {@code username} with every role it holds. */
    public static String of(ApplicationContext context, String username) {
        StaffUser user = context.getBean(StaffUserRepository.class).loadUserByUsername(username);
        return of(context, username, user.getRoles());
    }

    public static String of(ApplicationContext context, String username, Set<Role> scopes) {
        StaffUser user = context.getBean(StaffUserRepository.class).loadUserByUsername(username);
        return context.getBean(ApiKeys.class).createForUser(user, form(EnumSet.copyOf(scopes))).secret();
    }

    public static String ofCounterparty(ApplicationContext context, long counterpartyId) {
        return context.getBean(ApiKeys.class).createForCounterparty(counterpartyId, form(EnumSet.noneOf(Role.class)), "test").secret();
    }

    public static ApiKeyForm form(Set<Role> scopes) {
        ApiKeyForm form = new ApiKeyForm();
        form.setName("test key " + SERIAL.incrementAndGet() + "-" + System.nanoTime());
        form.setScopes(scopes);
        form.setExpiresOn(LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        return form;
    }

    /** Sends a new key of {@code username} with every role it holds. */
    public static RequestPostProcessor bearerOf(ApplicationContext context, String username) {
        return bearer(of(context, username));
    }

    public static RequestPostProcessor bearer(String key) {
        return request -> {
            request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key);
            return request;
        };
    }
}
