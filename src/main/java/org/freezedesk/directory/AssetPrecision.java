package org.freezedesk.directory;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decimal places per asset and chain, from the {@code asset_precision} table: the smallest unit an amount of that
 * asset can be stated in, whether a filer asks for it or a counterparty reports it frozen.
 */
@Component
public class AssetPrecision {

    /** For assets the table does not know: as many as the amount columns hold, which covers every EVM token. */
    public static final int DEFAULT_DECIMALS = 18;

    private final JdbcClient jdbc;

    AssetPrecision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int decimals(String chain, String asset) {
        return jdbc.sql("SELECT decimals FROM asset_precision WHERE chain = ? AND asset = ?").params(chain, asset)
                .query(Integer.class).optional().orElse(DEFAULT_DECIMALS);
    }

    /** The whole table at once, for checking the many lines of an import with one query. */
    public Table table() {
        return new Table(jdbc.sql("SELECT chain, asset, decimals FROM asset_precision")
                .query((rs, n) -> Map.entry(rs.getString("chain") + "/" + rs.getString("asset"), rs.getInt("decimals")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    /** Decimal places by chain and asset, as read at one moment. */
    public record Table(Map<String, Integer> decimals) {

        public int of(String chain, String asset) {
            return decimals.getOrDefault(chain + "/" + asset, DEFAULT_DECIMALS);
        }
    }
}
