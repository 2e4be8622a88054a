package org.freezedesk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RequestedAmountsTest {

    @Test
    void anAmountReadsGroupedWithTheDecimalsItHas() {
        assertThat(RequestedAmounts.describe(new BigDecimal("1000.50"), 0, "USDT")).isEqualTo("1,000.5 USDT");
        assertThat(RequestedAmounts.grouped(new BigDecimal("1234567.000001000000000000"))).isEqualTo("1,234,567.000001");
        assertThat(RequestedAmounts.grouped(new BigDecimal("1E+3"))).isEqualTo("1,000");
        assertThat(RequestedAmounts.grouped("0.000000000000000001")).isEqualTo("0.000000000000000001");
        assertThat(RequestedAmounts.grouped("all")).isEqualTo("all");
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
