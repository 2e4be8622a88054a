package org.freezedesk.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.freezedesk.audit.AuditConstants;
import org.freezedesk.audit.AuditEvent;
import org.freezedesk.audit.Canonical;
import org.springframework.stereotype.Component;

/**
 * Flyway V4: chains the events written before the hash chain existed (V3 added the columns, V5 makes
 * them required), in id order, so an installation that already has a log verifies from its first
 * event. It vouches for those events only from now on: before, nothing protected them.
 */
@Component
public class SealExistingEvents implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("4");
    }

    @Override
    public String getDescription() {
        return "seal existing audit events";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String prevHash = AuditConstants.GENESIS_HASH;
        Map<String, String> caseHeads = new HashMap<>();
        long lastId = 0;
        int sealed = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM audit_event ORDER BY id");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_event SET occurred_at = ?, prev_hash = ?, case_prev_hash = ?, hash = ? WHERE id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String caseReference = rs.getString("case_reference");
                String casePrevHash = caseReference == null ? null
                        : caseHeads.getOrDefault(caseReference, AuditConstants.GENESIS_HASH);
                AuditEvent event = new AuditEvent(rs.getLong("id"),
                        Canonical.timestamp(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("client_address"), rs.getString("action"),
                        rs.getString("object_type"), rs.getString("object_id"), caseReference, rs.getString("before_value"),
                        rs.getString("after_value"), prevHash, casePrevHash, null);
                String hash = Canonical.sha256(event.canonical());
                update.setObject(1, event.occurredAt());
                update.setString(2, prevHash);
                update.setString(3, casePrevHash);
                update.setString(4, hash);
                update.setLong(5, event.id());
                update.executeUpdate();
                prevHash = hash;
                if (caseReference != null) {
                    caseHeads.put(caseReference, hash);
                }
                lastId = event.id();
                sealed++;
            }
        }
        if (sealed > 0) {
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE audit_chain_head SET last_event_id = ?, last_hash = ?, event_count = ? WHERE id = 1")) {
                head.setLong(1, lastId);
                head.setString(2, prevHash);
                head.setLong(3, sealed);
                head.executeUpdate();
            }
        }
    }
}
