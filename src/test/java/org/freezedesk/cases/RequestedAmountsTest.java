package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RequestedAmountsTest {

    @Test
    void anAmountReadsAsItIs() {
        assertThat(RequestedAmounts.describe(new BigDecimal("1000.50"), 0, "USDT")).isEqualTo("1000.5 USDT");
    }

    @Test
    void everythingAtAnAddressHasNoZeroInFrontOfIt() {
        assertThat(RequestedAmounts.describe(BigDecimal.ZERO, 1, "BTC")).isEqualTo("all BTC at 1 address");
        assertThat(RequestedAmounts.describe(BigDecimal.ZERO, 2, null)).isEqualTo("all at 2 addresses");
    }

    @Test
    void bothKindsOfTargetReadTogether() {
        assertThat(RequestedAmounts.describe(new BigDecimal("3"), 2, "ETH")).isEqualTo("3 ETH + all ETH at 2 addresses");
    }
}
