package org.freezedesk.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The policy's own rules, as the forms, the API and CSV imports apply them. */
class InputPolicyUnitTest {

    @Test
    void amountsAreExactPlainDecimalsWithinTheColumnsAndTheAssetsDecimals() {
        assertThat(Decimals.positive("1250.50", 18).amount()).isEqualByComparingTo(new BigDecimal("1250.5"));
        assertThat(Decimals.positive("1E+2147483647", 18).problem()).isEqualTo("Enter a number such as 1250.5");
        assertThat(Decimals.positive("1e3", 18).valid()).isFalse();
        assertThat(Decimals.positive("123456789012345678901", 18).problem()).startsWith("The amount is too large");
        assertThat(Decimals.positive("12345678901234567890.123456", 6).valid()).isTrue();
        assertThat(Decimals.positive("1.1234567", 6).problem()).isEqualTo("At most 6 decimal places");
        assertThat(Decimals.positive("1.1000000", 6).valid()).as("trailing zeros are no precision").isTrue();
        assertThat(Decimals.positive("0", 18).problem()).isEqualTo("The amount must be more than zero");
        assertThat(Decimals.positive("-5", 18).problem()).isEqualTo("The amount must be more than zero");
        assertThat(Decimals.positive("1".repeat(100), 18).valid()).isFalse();
    }

    @Test
    void controlCharactersAreFoundAndRemovedButLineBreaksAndTabsAreText() {
        assertThat(InputPolicy.hasControlCharacters("a\u0000b")).isTrue();
        assertThat(InputPolicy.hasControlCharacters("a\u0085b")).isTrue();
        assertThat(InputPolicy.hasControlCharacters("x\uD800y")).as("lone surrogate").isTrue();
        assertThat(InputPolicy.hasControlCharacters("line\r\nnext\tcolumn")).isFalse();
        assertThat(InputPolicy.hasControlCharacters("Zürich 🧊")).isFalse();
        assertThat(InputPolicy.withoutControlCharacters("a\u0000b\u0007c\uD800 🧊\n")).isEqualTo("abc 🧊\n");
    }

    @Test
    void datesLieBetween2000AndTenYearsAhead() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertThat(InputPolicy.dateOutOfRange(LocalDate.of(2000, 1, 1), today)).isEmpty();
        assertThat(InputPolicy.dateOutOfRange(LocalDate.of(2036, 12, 1), today)).isEmpty();
        assertThat(InputPolicy.dateOutOfRange(LocalDate.of(1999, 12, 31), today)).contains("Enter a date between 2000-01-01 and 2036-12-01");
        assertThat(InputPolicy.dateOutOfRange(LocalDate.MAX, today)).isPresent();
        assertThat(InputPolicy.dateOutOfRange(LocalDate.MIN, today)).isPresent();
    }

    @Test
    void errorPagesLinkBackToWhatTheRequestWasAbout() {
        assertThat(BackLinks.of("/cases/FRZ-2026-000001/requests/1/summary")).isEqualTo("/cases/FRZ-2026-000001");
        assertThat(BackLinks.of("/portal/abc/responses")).isEqualTo("/portal/abc");
        assertThat(BackLinks.of("/cases")).isEqualTo("/cases");
        assertThat(BackLinks.of("/")).isEqualTo("/");
    }
}
