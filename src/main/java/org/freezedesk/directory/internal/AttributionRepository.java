package org.freezedesk.directory.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.freezedesk.directory.CounterpartyKind;
import org.freezedesk.directory.Route;
import org.freezedesk.directory.RouteKey;
import org.freezedesk.directory.RouteReason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the attribution table: which exchange holds which address. */
@Repository
public class AttributionRepository {

    /** Keeps each IN list well under every driver's limit on parameters. */
    private static final int LOOKUP_CHUNK = 1000;

    private static final RowMapper<Attribution> ATTRIBUTION = (rs, n) -> new Attribution(rs.getString("chain"),
            rs.getString("address"), rs.getLong("counterparty_id"), rs.getString("name"), rs.getString("source"),
            rs.getObject("attributed_on", LocalDate.class), rs.getString("imported_by"),
            rs.getObject("imported_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    AttributionRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** The active exchange holding each address, keyed by {@link #chainAndAddress}; a few queries for a whole import. */
    public Map<String, Route> exchangesHolding(Collection<RouteKey> keys) {
        Map<String, Set<String>> addressesByChain = keys.stream().collect(Collectors.groupingBy(RouteKey::chain,
                Collectors.mapping(RouteKey::address, Collectors.toCollection(LinkedHashSet::new))));
        Map<String, Route> result = new HashMap<>();
        addressesByChain.forEach((chain, addresses) -> {
            List<String> all = new ArrayList<>(addresses);
            for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
                jdbc.sql("""
                        SELECT a.address, c.id, c.name, c.kind FROM address_attribution a JOIN counterparty c ON c.id = a.counterparty_id
                        WHERE c.active = TRUE AND a.chain = :chain AND a.address IN (:addresses)""")
                        .param("chain", chain)
                        .param("addresses", all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)))
                        .query((rs, n) -> result.put(chainAndAddress(chain, rs.getString("address")), new Route(rs.getLong("id"),
                                rs.getString("name"), CounterpartyKind.valueOf(rs.getString("kind")), RouteReason.ATTRIBUTED_ADDRESS)))
                        .list();
            }
        });
        return result;
    }

    public static String chainAndAddress(String chain, String address) {
        return chain + "/" + address;
    }

    /** Stores the attributions, replacing what was known about the same addresses before. */
    void save(List<NewAttribution> attributions, String importedBy) {
        jdbcTemplate.batchUpdate("DELETE FROM address_attribution WHERE chain = ? AND address = ?", attributions, 1000, (ps, a) -> {
            ps.setString(1, a.chain());
            ps.setString(2, a.address());
        });
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbcTemplate.batchUpdate("""
                INSERT INTO address_attribution (chain, address, counterparty_id, source, attributed_on, imported_by, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", attributions, 1000, (ps, a) -> {
            ps.setString(1, a.chain());
            ps.setString(2, a.address());
            ps.setLong(3, a.counterpartyId());
            ps.setString(4, a.source());
            ps.setDate(5, Date.valueOf(a.attributedOn()));
            ps.setString(6, importedBy);
            ps.setObject(7, now);
        });
    }

    /** The most recently imported first. */
    public List<Attribution> latest(int limit) {
        return jdbc.sql("""
                SELECT a.*, c.name FROM address_attribution a JOIN counterparty c ON c.id = a.counterparty_id
                ORDER BY a.imported_at DESC, a.chain, a.address
                FETCH FIRST ? ROWS ONLY""")
                .param(limit).query(ATTRIBUTION).list();
    }

    public List<Attribution> search(String address) {
        return jdbc.sql("""
                SELECT a.*, c.name FROM address_attribution a JOIN counterparty c ON c.id = a.counterparty_id
                WHERE LOWER(a.address) = LOWER(?) ORDER BY a.chain""")
                .param(address.strip()).query(ATTRIBUTION).list();
    }

    public int count() {
        return jdbc.sql("SELECT COUNT(*) FROM address_attribution").query(Integer.class).single();
    }
}
