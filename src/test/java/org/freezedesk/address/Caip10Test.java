package org.freezedesk.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class Caip10Test {

    private final AddressValidator validator = new AddressValidator();

    private Caip10Check check(String value) {
        return validator.checkCaip10(value);
    }

    @ParameterizedTest
    @CsvSource({
            "eip155:1:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, ETH, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eip155:56:0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, BSC, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eip155:42161:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, ARB, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eip155:10:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, OP, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eip155:8453:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, BASE, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eip155:137:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, POLYGON, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "eip155:43114:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, AVAX, 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "bip122:000000000019d6689c085ae165831e93:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa, BTC, 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "bip122:000000000019d6689c085ae165831e93:BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, BTC, bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
            "tron:728126428:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, TRON, TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "tron:0x2b6653dc:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t, TRON, TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v, SOL, EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"})
    void readsEachNamespaceIntoChainAndNormalizedAddress(String id, Chain chain, String address) {
        assertThat(check(id)).isEqualTo(new Caip10Check(new Caip10(chain, address), null));
    }

    @ParameterizedTest
    @EnumSource(Chain.class)
    void everyChainWritesAnIdItReadsBack(Chain chain) {
        String address = switch (chain) {
            case BTC -> "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
            case TRON -> "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
            case SOL -> "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
            default -> "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        };
        String id = Caip10.of(chain, address);
        assertThat(id).startsWith(chain.caip2() + ":");
        assertThat(check(id).account()).isEqualTo(new Caip10(chain, address));
    }

    @Test
    void chainIdsAreThoseOfTheNamespaceProfiles() {
        assertThat(Chain.ETH.caip2()).isEqualTo("eip155:1");
        assertThat(Chain.BTC.caip2()).isEqualTo("bip122:000000000019d6689c085ae165831e93");
        assertThat(Chain.TRON.caip2()).isEqualTo("tron:728126428");
        assertThat(Chain.SOL.caip2()).isEqualTo("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp");
        assertThat(Arrays.stream(Chain.values()).map(Chain::caip2)).doesNotHaveDuplicates();
    }

    @Test
    void badChecksumsAreRefusedAsForTheChainAndAddressForm() {
        assertThat(check("eip155:1:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").reason())
                .contains("EIP-55 checksum does not match");
        assertThat(check("bip122:000000000019d6689c085ae165831e93:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb").reason())
                .contains("checksum does not match");
        assertThat(check("bip122:000000000019d6689c085ae165831e93:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5").reason())
                .contains("checksum does not match");
        assertThat(check("tron:728126428:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u").reason()).contains("Tron address checksum does not match");
        assertThat(check("solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:EPjFWdd5AufqSSqeM2qN1xzyb").reason()).contains("truncated");
    }

    @Test
    void anAddressOfAnotherChainIsRefused() {
        assertThat(check("tron:728126428:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").reason()).contains("looks like a Bitcoin address");
        assertThat(check("bip122:000000000019d6689c085ae165831e93:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").reason())
                .contains("never start with 0x");
    }

    @Test
    void unsupportedNamespaceSaysWhichAreSupported() {
        assertThat(check("cosmos:cosmoshub-4:cosmos1t2uflqwqe0fsj0shcfkrvpukewcw40yjj6hdc0").reason())
                .isEqualTo("CAIP-2 namespace 'cosmos' is not supported; FreezeDesk handles eip155 (Ethereum and other EVM chains), "
                        + "bip122 (Bitcoin), tron and solana");
    }

    @Test
    void unknownChainOfAKnownNamespaceNamesTheOnesHandled() {
        assertThat(check("eip155:5:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").reason())
                .startsWith("eip155:5 is not a chain FreezeDesk handles").contains("eip155:1 (Ethereum)", "eip155:56 (BNB Smart Chain)");
        assertThat(check("bip122:000000000933ea01ad0ee984209779ba:tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx").reason())
                .contains("use bip122:000000000019d6689c085ae165831e93 (Bitcoin)");
        assertThat(check("tron:2494104990:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t").reason()).contains("use tron:728126428 (Tron)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "eip155:1", "ETH:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "EIP155:1:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "eip155::0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"})
    void whatIsNotACaip10IdSaysHowOneIsWritten(String value) {
        assertThat(check(value).reason()).contains("write namespace:reference:address, such as eip155:1:0x…");
    }

    @Test
    void emptyAndOverlongAreRefusedUnparsed() {
        assertThat(check(null).reason()).isEqualTo("CAIP-10 account id is required");
        assertThat(check(" ").reason()).isEqualTo("CAIP-10 account id is required");
        assertThat(check("eip155:1:" + "a".repeat(100_000)).reason()).contains("too long: 100009 characters");
    }
}
