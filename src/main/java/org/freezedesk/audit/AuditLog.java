package org.freezedesk.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Append-only record of every change. Callers write in the transaction of the change itself, so an
 * event exists exactly when its change does.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a change by whoever is logged in, or by the engine when no one is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, String caseReference, String before, String after) {
        record(currentActor(), action, objectType, objectId, caseReference, before, after);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String objectType, Object objectId, String caseReference, String before, String after) {
        jdbc.sql("""
                INSERT INTO audit_event (occurred_at, actor, actor_role, client_address, action, object_type, object_id,
                                         case_reference, before_value, after_value)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(ZoneOffset.UTC), actor.name(), actor.role(), clientAddress().orElse(null), action,
                        objectType, String.valueOf(objectId), caseReference, before, after)
                .update();
    }

    public List<AuditEvent> forCase(String caseReference) {
        return jdbc.sql("SELECT * FROM audit_event WHERE case_reference = ? ORDER BY id")
                .param(caseReference)
                .query((rs, n) -> new AuditEvent(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("actor"), rs.getString("actor_role"), rs.getString("client_address"),
                        rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
                        rs.getString("case_reference"), rs.getString("before_value"), rs.getString("after_value")))
                .list();
    }

    private static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
            return Actor.ENGINE;
        }
        String roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).sorted().reduce((a, b) -> a + "," + b).orElse("");
        return new Actor(auth.getName(), roles);
    }

    private static Optional<String> clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.ofNullable(request.getRemoteAddr());
        }
        return Optional.empty();
    }
}
