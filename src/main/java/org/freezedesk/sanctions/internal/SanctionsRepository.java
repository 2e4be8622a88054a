package org.freezedesk.sanctions.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freezedesk.sanctions.SanctionsHit;
import org.freezedesk.sanctions.SanctionsList;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The imported SDN lists and the addresses of the one in force. */
@Repository
public class SanctionsRepository {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    SanctionsRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    public Optional<SanctionsList> currentList() {
        return jdbc.sql("""
                SELECT l.* FROM sanctions_list l JOIN sanctions_current c ON c.list_id = l.id WHERE c.id = 1""")
                .query((rs, n) -> new SanctionsList(rs.getLong("id"), rs.getString("source"), rs.getObject("publish_date", LocalDate.class),
                        rs.getString("file_sha256"), rs.getInt("entry_count"), rs.getInt("address_count"), rs.getString("imported_by"),
                        rs.getObject("imported_at", OffsetDateTime.class)))
                .optional();
    }

    /** Every listed address that can match a target, by its match key. */
    public Map<String, List<SanctionsHit>> hitsByMatchKey(long listId) {
        Map<String, List<SanctionsHit>> hits = new HashMap<>();
        jdbc.sql("""
                SELECT match_key, entry_uid, entry_name, programmes, currency FROM sanctions_address
                WHERE list_id = ? AND match_key IS NOT NULL ORDER BY entry_name, currency""")
                .param(listId)
                .query(rs -> {
                    hits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new SanctionsHit(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                });
        return hits;
    }

    /** Locks the row naming the list in force until the caller's transaction ends: imports replace the list one at a time. */
    void lockCurrent() {
        jdbc.sql("UPDATE sanctions_current SET list_id = list_id WHERE id = 1").update();
    }

    long insertList(String source, LocalDate publishDate, String sha256, int entryCount, int addressCount, String importedBy,
            OffsetDateTime importedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sanctions_list (source, publish_date, file_sha256, entry_count, address_count, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(source, publishDate == null ? null : Date.valueOf(publishDate), sha256, entryCount, addressCount, importedBy,
                        importedAt)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Puts {@code listId} in force with its addresses; the previous list's addresses go, its record stays. */
    void replaceAddresses(long listId, List<SdnAddress> addresses) {
        jdbc.sql("DELETE FROM sanctions_address").update();
        jdbcTemplate.batchUpdate("""
                INSERT INTO sanctions_address (list_id, entry_uid, entry_name, programmes, currency, address, chain, match_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", addresses, BATCH, (ps, a) -> {
            ps.setLong(1, listId);
            ps.setString(2, a.entryUid());
            ps.setString(3, a.entryName());
            ps.setString(4, a.programmes());
            ps.setString(5, a.currency());
            ps.setString(6, a.address());
            ps.setString(7, a.chain());
            ps.setString(8, a.matchKey());
        });
        jdbc.sql("UPDATE sanctions_current SET list_id = ? WHERE id = 1").param(listId).update();
    }
}
