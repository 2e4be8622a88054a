package org.freezedesk.stats.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.freezedesk.cases.RequestedAmounts;

/**
 * Requested, frozen and recovered amounts of one asset, exact. Targets asking for "all" at an address have
 * no amount and are counted apart, so the shares are of the amounts named.
 */
public record AssetFigures(String asset, BigDecimal requested, int requestedAllCount, BigDecimal frozen, BigDecimal recovered) {

    public String requestedText() {
        return RequestedAmounts.describe(requested, requestedAllCount, null);
    }

    /** Frozen as a percentage of requested, one decimal; null when nothing had an amount. */
    public BigDecimal frozenShare() {
        return share(frozen);
    }

    public BigDecimal recoveredShare() {
        return share(recovered);
    }

    private BigDecimal share(BigDecimal part) {
        if (requested.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(requested, 1, RoundingMode.HALF_UP);
    }
}
