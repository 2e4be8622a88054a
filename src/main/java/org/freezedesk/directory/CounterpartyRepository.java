package org.freezedesk.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CounterpartyRepository {

    private static final RowMapper<Counterparty> COUNTERPARTY = (rs, n) -> new Counterparty(rs.getLong("id"),
            rs.getString("name"), CounterpartyKind.valueOf(rs.getString("kind")), rs.getString("jurisdiction"),
            rs.getInt("response_sla_hours"), rs.getBoolean("active"));

    private final JdbcClient jdbc;

    public CounterpartyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Counterparty> findActive() {
        return jdbc.sql("SELECT * FROM counterparty WHERE active = TRUE ORDER BY name").query(COUNTERPARTY).list();
    }

    public Optional<Counterparty> findById(long id) {
        return jdbc.sql("SELECT * FROM counterparty WHERE id = ?").param(id).query(COUNTERPARTY).optional();
    }

    public Optional<Counterparty> findByName(String name) {
        return jdbc.sql("SELECT * FROM counterparty WHERE name = ?").param(name).query(COUNTERPARTY).optional();
    }

    /** The primary contact first. */
    public List<Contact> contacts(long counterpartyId) {
        return jdbc.sql("SELECT * FROM counterparty_contact WHERE counterparty_id = ? ORDER BY is_primary DESC, id")
                .param(counterpartyId)
                .query((rs, n) -> new Contact(rs.getLong("id"), rs.getLong("counterparty_id"), rs.getString("name"),
                        rs.getString("email"), rs.getBoolean("is_primary")))
                .list();
    }

    public long create(String name, CounterpartyKind kind, String jurisdiction, int responseSlaHours) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO counterparty (name, kind, jurisdiction, response_sla_hours) VALUES (?, ?, ?, ?)")
                .params(name, kind.name(), jurisdiction, responseSlaHours)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public void addContact(long counterpartyId, String name, String email, boolean primary) {
        jdbc.sql("INSERT INTO counterparty_contact (counterparty_id, name, email, is_primary) VALUES (?, ?, ?, ?)")
                .params(counterpartyId, name, email, primary).update();
    }

    public void addAsset(long counterpartyId, String chain, String asset, String tokenContract) {
        jdbc.sql("INSERT INTO counterparty_asset (counterparty_id, chain, asset, token_contract) VALUES (?, ?, ?, ?)")
                .params(counterpartyId, chain, asset, tokenContract).update();
    }
}
