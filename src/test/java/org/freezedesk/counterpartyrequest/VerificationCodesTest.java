package org.freezedesk.counterpartyrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class VerificationCodesTest {

    private static final String KEY = "a-test-key-of-enough-length";

    @Test
    void aCodeIsEightCharactersThatCannotBeMisreadInTwoGroups() {
        assertThat(new VerificationCodes(KEY, null, null).codeFor(42)).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
    }

    @Test
    void theSameRequestAlwaysGetsTheSameCodeUnderTheSameKeyOnly() {
        assertThat(new VerificationCodes(KEY, null, null).codeFor(42)).isEqualTo(new VerificationCodes(KEY, null, null).codeFor(42));
        assertThat(new VerificationCodes(KEY, null, null).codeFor(42))
                .isNotEqualTo(new VerificationCodes("another-key-of-enough-length", null, null).codeFor(42));
    }

    @Test
    void requestsGetDifferentCodes() {
        VerificationCodes codes = new VerificationCodes(KEY, null, null);
        Set<String> distinct = LongStream.rangeClosed(1, 10_000).mapToObj(codes::codeFor).collect(Collectors.toSet());
        assertThat(distinct).hasSize(10_000);
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new VerificationCodes("short", null, null))
                .hasMessage("freezedesk.portal.verification-key must be at least 16 characters");
    }
}
