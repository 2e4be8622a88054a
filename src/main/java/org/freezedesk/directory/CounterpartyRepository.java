package org.freezedesk.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.freezedesk.directory.internal.ServedAsset;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CounterpartyRepository {

    private static final RowMapper<Counterparty> COUNTERPARTY = (rs, n) -> new Counterparty(rs.getLong("id"),
            rs.getString("name"), CounterpartyKind.valueOf(rs.getString("kind")), rs.getString("jurisdiction"),
            rs.getInt("response_sla_hours"), rs.getBoolean("active"), rs.getString("legal_requirements"));

    private final JdbcClient jdbc;

    public CounterpartyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Counterparty> findActive() {
        return jdbc.sql("SELECT * FROM counterparty WHERE active = TRUE ORDER BY name").query(COUNTERPARTY).list();
    }

    public List<Counterparty> findAll() {
        return jdbc.sql("SELECT * FROM counterparty ORDER BY name").query(COUNTERPARTY).list();
    }

    public Optional<Counterparty> findById(long id) {
        return jdbc.sql("SELECT * FROM counterparty WHERE id = ?").param(id).query(COUNTERPARTY).optional();
    }

    /** The counterparty, its row held until the transaction ends. */
    public Optional<Counterparty> lock(long id) {
        return jdbc.sql("SELECT * FROM counterparty WHERE id = ? FOR UPDATE").param(id).query(COUNTERPARTY).optional();
    }

    public Optional<Counterparty> findByName(String name) {
        return jdbc.sql("SELECT * FROM counterparty WHERE name = ?").param(name).query(COUNTERPARTY).optional();
    }

    /** Names compared without regard to case, so "binance" in a file finds Binance. */
    public Map<String, Counterparty> byLowerCaseName() {
        return findAll().stream().collect(Collectors.toMap(c -> c.name().toLowerCase(Locale.ROOT), c -> c));
    }

    /** The primary contact first. */
    public List<Contact> contacts(long counterpartyId) {
        return jdbc.sql("SELECT * FROM counterparty_contact WHERE counterparty_id = ? ORDER BY is_primary DESC, id")
                .param(counterpartyId)
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getLong("counterparty_id"), rs.getString("name"),
                        rs.getString("email"), rs.getBoolean("is_primary")))
                .list();
    }

    public List<ServedAsset> assets(long counterpartyId) {
        return jdbc.sql("SELECT * FROM counterparty_asset WHERE counterparty_id = ? ORDER BY chain, asset")
                .param(counterpartyId)
                .query((rs, n) -> new ServedAsset(rs.getString("chain"), rs.getString("asset"), rs.getString("token_contract")))
                .list();
    }

    /** Every active issuer's freezable tokens, as routes keyed by chain and asset; one query for a whole import. */
    Map<String, List<Route>> issuerRoutesByChainAndAsset() {
        List<Map.Entry<String, Route>> rows = jdbc.sql("""
                SELECT a.chain, a.asset, c.id, c.name FROM counterparty_asset a JOIN counterparty c ON c.id = a.counterparty_id
                WHERE c.kind = 'ISSUER' AND c.active = TRUE AND a.token_contract IS NOT NULL
                ORDER BY c.name""")
                .query((rs, n) -> Map.entry(chainAndAsset(rs.getString("chain"), rs.getString("asset")),
                        new Route(rs.getLong("id"), rs.getString("name"), CounterpartyKind.ISSUER, RouteReason.ISSUER_TOKEN)))
                .list();
        return rows.stream().collect(Collectors.groupingBy(Map.Entry::getKey,
                Collectors.mapping(Map.Entry::getValue, Collectors.toCollection(ArrayList::new))));
    }

    static String chainAndAsset(String chain, String asset) {
        return chain + "/" + asset;
    }

    public long create(String name, CounterpartyKind kind, String jurisdiction, int responseSlaHours) {
        return create(name, kind, jurisdiction, responseSlaHours, true, null);
    }

    public long create(String name, CounterpartyKind kind, String jurisdiction, int responseSlaHours, boolean active,
            String legalRequirements) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO counterparty (name, kind, jurisdiction, response_sla_hours, active, legal_requirements)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(name, kind.name(), jurisdiction, responseSlaHours, active, legalRequirements)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void update(long id, String name, CounterpartyKind kind, String jurisdiction, int responseSlaHours, boolean active,
            String legalRequirements) {
        jdbc.sql("""
                UPDATE counterparty SET name = ?, kind = ?, jurisdiction = ?, response_sla_hours = ?, active = ?,
                                        legal_requirements = ?
                WHERE id = ?""")
                .params(name, kind.name(), jurisdiction, responseSlaHours, active, legalRequirements, id)
                .update();
    }

    public void setLegalRequirements(long id, String legalRequirements) {
        jdbc.sql("UPDATE counterparty SET legal_requirements = ? WHERE id = ?").params(legalRequirements, id).update();
    }

    public void addContact(long counterpartyId, String name, String email, boolean primary) {
        jdbc.sql("INSERT INTO counterparty_contact (counterparty_id, name, email, is_primary) VALUES (?, ?, ?, ?)")
                .params(counterpartyId, name, email, primary).update();
    }

    public void deleteContacts(long counterpartyId) {
        jdbc.sql("DELETE FROM counterparty_contact WHERE counterparty_id = ?").param(counterpartyId).update();
    }

    public void addAsset(long counterpartyId, String chain, String asset, String tokenContract) {
        jdbc.sql("INSERT INTO counterparty_asset (counterparty_id, chain, asset, token_contract) VALUES (?, ?, ?, ?)")
                .params(counterpartyId, chain, asset, tokenContract).update();
    }

    public void deleteAssets(long counterpartyId) {
        jdbc.sql("DELETE FROM counterparty_asset WHERE counterparty_id = ?").param(counterpartyId).update();
    }
}
