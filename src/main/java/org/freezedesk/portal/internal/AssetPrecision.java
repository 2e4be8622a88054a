package org.freezedesk.portal.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Decimal places per asset and chain, from the {@code asset_precision} table. */
@Component
class AssetPrecision {

    /** For assets the table does not know: as many as the amount columns hold, which covers every EVM token. */
    static final int DEFAULT_DECIMALS = 18;

    private final JdbcClient jdbc;

    AssetPrecision(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int decimals(String chain, String asset) {
        return jdbc.sql("SELECT decimals FROM asset_precision WHERE chain = ? AND asset = ?").params(chain, asset)
                .query(Integer.class).optional().orElse(DEFAULT_DECIMALS);
    }
}
