package org.freezedesk.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChainTest {

    @ParameterizedTest
    @ValueSource(strings = {"ETH", "eth", "Eth", " eth\t"})
    void codeIsReadWhateverItsCaseAndSurroundingSpace(String code) {
        assertThat(Chain.parse(code)).contains(Chain.ETH);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "XYZ", "Ethereum", "ETH2"})
    void unknownOrMissingCodeIsEmpty(String code) {
        assertThat(Chain.parse(code)).isEmpty();
    }

    @Test
    void exactlyTheSevenEvmChainsAreEvm() {
        assertThat(Arrays.stream(Chain.values()).filter(Chain::isEvm))
                .containsExactly(Chain.ETH, Chain.BSC, Chain.ARB, Chain.OP, Chain.BASE, Chain.POLYGON, Chain.AVAX);
    }

    @Test
    void everyChainHasADisplayName() {
        assertThat(Chain.BSC.displayName()).isEqualTo("BNB Smart Chain");
        assertThat(Chain.AVAX.displayName()).isEqualTo("Avalanche C-Chain");
        assertThat(Arrays.stream(Chain.values()).map(Chain::displayName)).doesNotContainNull().doesNotHaveDuplicates();
    }
}
