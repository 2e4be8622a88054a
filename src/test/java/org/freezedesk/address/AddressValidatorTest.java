package org.freezedesk.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Locale;

import org.bitcoinj.base.Bech32;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressValidatorTest {

    private final AddressValidator validator = new AddressValidator();

    private AddressCheck address(Chain chain, String value) {
        return validator.checkAddress(chain, value);
    }

    private AddressCheck hash(Chain chain, String value) {
        return validator.checkTransactionHash(chain, value);
    }

    private static String replaceLast(String value, char replacement) {
        return value.substring(0, value.length() - 1) + replacement;
    }

    @Nested
    class Input {

        @ParameterizedTest
        @EnumSource(Chain.class)
        void emptyOrBlankAddressIsRequired(Chain chain) {
            assertThat(address(chain, null)).isEqualTo(AddressCheck.invalid("address is required"));
            assertThat(address(chain, "")).isEqualTo(AddressCheck.invalid("address is required"));
            assertThat(address(chain, " \t\u00a0")).isEqualTo(AddressCheck.invalid("address is required"));
            assertThat(hash(chain, "  ")).isEqualTo(AddressCheck.invalid("transaction hash is required"));
        }

        @Test
        void surroundingWhitespaceIncludingCopiedNoBreakAndZeroWidthSpacesIsTrimmed() {
            assertThat(address(Chain.BTC, " \t1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\n"))
                    .isEqualTo(AddressCheck.valid("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
            assertThat(address(Chain.SOL, "\u00a0EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v\u200b"))
                    .isEqualTo(AddressCheck.valid("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"));
        }

        @Test
        void spaceInsideTheValueIsNamed() {
            assertThat(address(Chain.BTC, "1A1zP1eP5QGefi2DMPTf TL5SLmv7DivfNa").reason()).contains("a space at position 21");
        }

        @Test
        void valueShortenedByABlockExplorerIsRefused() {
            assertThat(address(Chain.ETH, "0x5aAe…BeAed").reason()).contains("shortened");
            assertThat(hash(Chain.BTC, "4a5e1e4b...fdeda33b").reason()).contains("shortened");
        }

        @Test
        void overlongInputIsRefusedWithoutDecoding() {
            assertThat(address(Chain.SOL, "1".repeat(100_000)).reason()).contains("too long: 100000 characters");
        }

        @ParameterizedTest
        @EnumSource(value = Chain.class, names = {"BTC", "TRON", "SOL"})
        void evmAddressOnAnotherChainIsRecognised(Chain chain) {
            assertThat(address(chain, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").reason()).contains("never start with 0x");
        }
    }

    /** Mainnet vectors of BIP-173, judged under BIP-350, which replaced its checksum rule for versions 1 to 16. */
    @Nested
    class Bip173 {

        @Test
        void upperCaseVersionZeroAddressIsValidAndStoredInLowerCase() {
            assertThat(address(Chain.BTC, "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"))
                    .isEqualTo(AddressCheck.valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
            assertThat(address(Chain.BTC, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"))
                    .isEqualTo(AddressCheck.valid("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
        }

        @Test
        void p2wshAddressIsValid() {
            assertThat(address(Chain.BTC, "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3").valid()).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty | starts with tc1",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5 | checksum does not match",
                "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2 | witness version 17",
                "bc1rw5uspcuh | version 3 address with a bech32 checksum",
                "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90 | version 15 address with a bech32 checksum",
                "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P | version 0 address holding 16 bytes",
                "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7 | mixes upper and lower case",
                "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du | version 2 address with a bech32 checksum",
                "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv | testnet",
                "bc1gmk9yu | nothing after bc1",
                // Valid under BIP-173, but version 1 to 16 addresses now need a bech32m checksum.
                "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx | use bech32m (BIP-350)",
                "BC1SW50QA3JX3S | use bech32m (BIP-350)",
                "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj | use bech32m (BIP-350)",
        })
        void invalidAddressIsRefusedWithItsReason(String value, String reason) {
            AddressCheck check = address(Chain.BTC, value);
            assertThat(check.valid()).isFalse();
            assertThat(check.normalized()).isNull();
            assertThat(check.reason()).startsWith("Bitcoin address").contains(reason);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
                "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
        })
        void validTestnetAddressIsRefusedAsTestnet(String value) {
            assertThat(address(Chain.BTC, value).reason()).contains("testnet address");
        }
    }

    @Nested
    class Bip350 {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4 | bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y | bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
                "BC1SW50QGDZ25J | bc1sw50qgdz25j",
                "bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs | bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs",
                "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0 | bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        })
        void validMainnetAddressIsAcceptedInLowerCase(String value, String normalized) {
            assertThat(address(Chain.BTC, value)).isEqualTo(AddressCheck.valid(normalized));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
                "tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
                "tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
        })
        void validTestnetAddressIsRefusedAsTestnet(String value) {
            assertThat(address(Chain.BTC, value).reason()).contains("testnet address (prefix tb1)");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut | starts with tc1",
                "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd | version 1 address with a bech32 checksum",
                "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf | testnet",
                "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL | version 16 address with a bech32 checksum",
                "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh | version 0 (bc1q) address with a bech32m checksum",
                "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47 | testnet",
                "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4 | 'o' at position 60",
                "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R | witness version 17",
                "bc1pw5dgrnzv | 1-byte witness program",
                "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav | 41-byte witness program",
                "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P | version 0 address holding 16 bytes",
                "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq | mixes upper and lower case",
                "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf | does not decode to whole bytes",
                "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j | testnet",
                "bc1gmk9yu | nothing after bc1",
        })
        void invalidAddressIsRefusedWithItsReason(String value, String reason) {
            AddressCheck check = address(Chain.BTC, value);
            assertThat(check.valid()).isFalse();
            assertThat(check.reason()).startsWith("Bitcoin address").contains(reason);
        }

        /** The published non-zero padding vector is a testnet one; this is the same defect on a mainnet address. */
        @Test
        void nonZeroPaddingOnMainnetIsRefused() {
            byte[] symbols = Bech32.decode("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0").bytes();
            symbols[symbols.length - 1] |= 1;
            String padded = Bech32.encode(Bech32.Encoding.BECH32M, "bc", new Bech32.Bech32Bytes(symbols) { });

            assertThat(address(Chain.BTC, padded).reason()).contains("does not decode to whole bytes");
        }
    }

    @Nested
    class BitcoinLegacy {

        @ParameterizedTest
        @ValueSource(strings = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"})
        void p2pkhAndP2shAreValidAndKeptAsGiven(String value) {
            assertThat(address(Chain.BTC, value)).isEqualTo(AddressCheck.valid(value));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DjvfNa"})
        void oneChangedCharacterBreaksTheChecksum(String value) {
            assertThat(address(Chain.BTC, value))
                    .isEqualTo(AddressCheck.invalid("Bitcoin address checksum does not match — check for a mistyped character"));
        }

        @Test
        void missingCharacterIsCalledTruncated() {
            assertThat(address(Chain.BTC, "1A1zP1eP5QGefi2DMPTfTL5SLmv7Divf").reason()).contains("truncated: it decodes to 24 of 25 bytes");
        }

        @Test
        void characterOutsideBase58IsNamedWithItsPosition() {
            assertThat(address(Chain.BTC, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0").reason()).contains("'0' at position 34");
            assertThat(address(Chain.BTC, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNl").reason()).contains("'l' at position 34");
        }

        @ParameterizedTest
        @ValueSource(strings = {"mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn", "2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc"})
        void testnetAddressIsRefusedAsTestnet(String value) {
            assertThat(address(Chain.BTC, value).reason()).contains("testnet address");
        }

        @ParameterizedTest
        @ValueSource(strings = {"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"})
        void addressOfAnotherChainIsRefused(String value) {
            assertThat(address(Chain.BTC, value).reason()).contains("mainnet addresses start with 1, 3 or bc1");
        }
    }

    @Nested
    class Eip55 {

        private static final String[] VECTORS = {
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
                "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        };

        private String flipFirstLetterCase(String value) {
            for (int i = 2; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isLetter(c)) {
                    char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                    return value.substring(0, i) + flipped + value.substring(i + 1);
                }
            }
            throw new IllegalArgumentException("no letter in " + value);
        }

        @Test
        void checksummedVectorsAreValidAndUnchanged() {
            for (String vector : VECTORS) {
                assertThat(address(Chain.ETH, vector)).as(vector).isEqualTo(AddressCheck.valid(vector));
            }
        }

        @Test
        void oneLetterWithItsCaseFlippedFailsTheChecksum() {
            for (String vector : VECTORS) {
                AddressCheck check = address(Chain.ETH, flipFirstLetterCase(vector));
                assertThat(check.valid()).as(vector).isFalse();
                assertThat(check.reason()).contains("EIP-55 checksum does not match");
            }
        }

        @Test
        void allLowerCaseIsValidAndStoredInChecksumForm() {
            for (String vector : VECTORS) {
                assertThat(address(Chain.ETH, vector.toLowerCase(Locale.ROOT))).as(vector).isEqualTo(AddressCheck.valid(vector));
            }
        }

        @Test
        void allUpperCaseCarriesNoChecksumAndIsStoredInChecksumForm() {
            for (String vector : VECTORS) {
                String upper = "0x" + vector.substring(2).toUpperCase(Locale.ROOT);
                assertThat(address(Chain.ETH, upper)).as(vector).isEqualTo(AddressCheck.valid(vector));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
                "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
        })
        void publishedAllCapsAndAllLowerVectorsAreTheirOwnChecksumForm(String vector) {
            assertThat(address(Chain.ETH, vector)).isEqualTo(AddressCheck.valid(vector));
        }

        @Test
        void everyEvmChainUsesTheSameRulesAndNamesItself() {
            for (Chain chain : EnumSet.allOf(Chain.class)) {
                if (chain.isEvm()) {
                    assertThat(address(chain, VECTORS[0].toLowerCase(Locale.ROOT))).isEqualTo(AddressCheck.valid(VECTORS[0]));
                    assertThat(address(chain, flipFirstLetterCase(VECTORS[0])).reason()).startsWith(chain.displayName() + " address");
                }
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed | must be 0x followed by 40 hex digits; the 0x prefix is missing",
                "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed | must be 0x followed by 40 hex digits",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe | truncated: 39 of 40 hex digits",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd | too long: 41 hex digits, expected 40",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg | 'g' at position 42, which is not a hex digit",
                "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t | must be 0x followed by 40 hex digits",
        })
        void malformedAddressIsRefusedWithItsReason(String value, String reason) {
            assertThat(address(Chain.BSC, value).reason()).startsWith("BNB Smart Chain address").contains(reason);
        }
    }

    @Nested
    class Tron {

        @Test
        void mainnetAddressIsValidAndKeptAsGiven() {
            assertThat(address(Chain.TRON, " TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t "))
                    .isEqualTo(AddressCheck.valid("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"));
        }

        @Test
        void oneChangedCharacterBreaksTheChecksum() {
            assertThat(address(Chain.TRON, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"))
                    .isEqualTo(AddressCheck.invalid("Tron address checksum does not match — check for a mistyped character"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"})
        void bitcoinAddressIsRefusedForItsVersionByte(String value) {
            assertThat(address(Chain.TRON, value).reason())
                    .contains("Tron addresses have 0x41 and start with T")
                    .contains("looks like a Bitcoin address");
        }

        @Test
        void truncatedAddressIsCalledTruncated() {
            assertThat(address(Chain.TRON, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj").reason()).contains("truncated");
        }
    }

    @Nested
    class Solana {

        @ParameterizedTest
        @ValueSource(strings = {"11111111111111111111111111111111", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"})
        void thirtyTwoByteKeyIsValid(String value) {
            assertThat(address(Chain.SOL, value)).isEqualTo(AddressCheck.valid(value));
        }

        @Test
        void shortKeyIsCalledTruncated() {
            assertThat(address(Chain.SOL, "EPjFWdd5AufqSSqeM2qN1xzyb"))
                    .isEqualTo(AddressCheck.invalid("Solana address is truncated: it decodes to 19 of 32 bytes"));
        }

        @Test
        void longKeyIsCalledTooLong() {
            assertThat(address(Chain.SOL, "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1vEPj").reason()).contains("too long");
        }

        @ParameterizedTest
        @ValueSource(chars = {'0', 'O', 'l', 'I'})
        void characterOutsideBase58IsNamed(char excluded) {
            String value = replaceLast("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", excluded);
            assertThat(address(Chain.SOL, value).reason()).contains("'" + excluded + "' at position 44, which base58 does not use");
        }
    }

    @Nested
    class TransactionHashes {

        private static final String BITCOIN_GENESIS = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
        private static final String EVM_HASH = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";
        private static final String SOLANA_SIGNATURE =
                "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW";

        @ParameterizedTest
        @EnumSource(value = Chain.class, names = {"BTC", "TRON"})
        void bareHexHashIsValidAndStoredInLowerCase(Chain chain) {
            assertThat(hash(chain, BITCOIN_GENESIS.toUpperCase(Locale.ROOT))).isEqualTo(AddressCheck.valid(BITCOIN_GENESIS));
        }

        @ParameterizedTest
        @EnumSource(value = Chain.class, names = {"BTC", "TRON"})
        void bareHexHashWithA0xPrefixIsRefusedNotStripped(Chain chain) {
            assertThat(hash(chain, "0x" + BITCOIN_GENESIS).reason())
                    .isEqualTo(chain.displayName() + " transaction hash is written without 0x; remove the prefix if this really is a "
                            + chain.displayName() + " transaction");
        }

        @ParameterizedTest
        @EnumSource(value = Chain.class, names = {"BTC", "TRON"})
        void truncatedBareHexHashSaysHowMuchIsMissing(Chain chain) {
            assertThat(hash(chain, BITCOIN_GENESIS.substring(0, 60)).reason())
                    .isEqualTo(chain.displayName() + " transaction hash is truncated: 60 of 64 hex digits");
        }

        @Test
        void nonHexCharacterIsNamedWithItsPosition() {
            assertThat(hash(Chain.BTC, "z" + BITCOIN_GENESIS.substring(1)).reason()).contains("'z' at position 1, which is not a hex digit");
        }

        @Test
        void overlongHashIsCalledTooLong() {
            assertThat(hash(Chain.BTC, BITCOIN_GENESIS + "00").reason()).contains("too long: 66 hex digits, expected 64");
        }

        @ParameterizedTest
        @EnumSource(value = Chain.class, names = {"ETH", "BSC", "ARB", "OP", "BASE", "POLYGON", "AVAX"})
        void evmHashIsValidAndStoredInLowerCase(Chain chain) {
            assertThat(hash(chain, "0x" + EVM_HASH.substring(2).toUpperCase(Locale.ROOT))).isEqualTo(AddressCheck.valid(EVM_HASH));
        }

        @Test
        void evmHashNeedsItsPrefixAndFullLength() {
            assertThat(hash(Chain.ETH, EVM_HASH.substring(2)).reason()).contains("the 0x prefix is missing");
            assertThat(hash(Chain.ARB, EVM_HASH.substring(0, 62)).reason())
                    .isEqualTo("Arbitrum transaction hash is truncated: 60 of 64 hex digits");
            assertThat(hash(Chain.OP, EVM_HASH.substring(0, 65) + "g").reason()).contains("'g' at position 66");
        }

        @Test
        void evmAddressGivenAsHashIsCalledTruncated() {
            assertThat(hash(Chain.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").reason()).contains("truncated: 40 of 64 hex digits");
        }

        @Test
        void solanaSignatureOfSixtyFourBytesIsValid() {
            assertThat(hash(Chain.SOL, SOLANA_SIGNATURE)).isEqualTo(AddressCheck.valid(SOLANA_SIGNATURE));
        }

        @Test
        void truncatedSolanaSignatureSaysHowMuchIsMissing() {
            assertThat(hash(Chain.SOL, SOLANA_SIGNATURE.substring(0, 74)))
                    .isEqualTo(AddressCheck.invalid("Solana transaction signature is truncated: it decodes to 54 of 64 bytes"));
        }

        @Test
        void solanaSignatureOutsideBase58IsRefused() {
            assertThat(hash(Chain.SOL, replaceLast(SOLANA_SIGNATURE, '0')).reason()).contains("'0' at position 88");
        }
    }
}
