package org.freezedesk.address;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Bech32;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.springframework.stereotype.Component;

/**
 * Checks addresses and transaction hashes the way each chain would, so that a counterparty never receives a
 * request it has to bounce for a mistyped, truncated or wrong-chain value. Every form, import and API call goes
 * through here; the reasons are written for the person who typed the value.
 */
@Component
public class AddressValidator {

    private static final int BASE58CHECK_ADDRESS_BYTES = 25;
    private static final int BITCOIN_P2PKH = 0x00;
    private static final int BITCOIN_P2SH = 0x05;
    private static final int BITCOIN_TESTNET_P2PKH = 0x6f;
    private static final int BITCOIN_TESTNET_P2SH = 0xc4;
    private static final int TRON_VERSION = 0x41;
    private static final String BASE58_FIRST_CHARACTERS = "13mn2";
    private static final int MAX_WITNESS_VERSION = 16;
    private static final int EVM_ADDRESS_HEX_DIGITS = 40;
    private static final int HASH_HEX_DIGITS = 64;
    private static final int SOLANA_ADDRESS_BYTES = 32;
    private static final int SOLANA_SIGNATURE_BYTES = 64;
    /** Longer than any address or hash of these chains; base58 decoding is quadratic, so longer input is refused unread. */
    private static final int MAX_INPUT_LENGTH = 128;
    /** CAIP-2: a namespace of 3 to 8 characters, a reference of at most 32, the two colons; then the address. */
    private static final int MAX_CAIP10_LENGTH = 8 + 1 + 32 + 1 + MAX_INPUT_LENGTH;
    private static final Pattern CAIP2_NAMESPACE = Pattern.compile("[-a-z0-9]{3,8}");
    private static final Pattern CAIP2_REFERENCE = Pattern.compile("[-_a-zA-Z0-9]{1,32}");
    private static final String CAIP10_EXAMPLE = "namespace:reference:address, such as eip155:1:0x…";

    /**
     * Reads a CAIP-10 account id ({@code eip155:1:0x…}, {@code bip122:000000000019d6689c085ae165831e93:bc1…},
     * {@code tron:728126428:T…}, {@code solana:5eykt4UsFv8P8NJdTREpY1vzqKqZKvdp:…}) and checks its address exactly
     * as {@link #checkAddress} does for that chain.
     */
    public Caip10Check checkCaip10(String accountId) {
        String input = trim(accountId);
        if (input.isEmpty()) {
            return new Caip10Check(null, "CAIP-10 account id is required");
        }
        if (input.length() > MAX_CAIP10_LENGTH) {
            return new Caip10Check(null, String.format(Locale.ROOT,
                    "CAIP-10 account id is too long: %d characters; is more than one value in this field?", input.length()));
        }
        int first = input.indexOf(':');
        int second = first < 0 ? -1 : input.indexOf(':', first + 1);
        if (second < 0) {
            return new Caip10Check(null, "'" + input + "' is not a CAIP-10 account id; write " + CAIP10_EXAMPLE);
        }
        String namespace = input.substring(0, first);
        String reference = input.substring(first + 1, second);
        if (!CAIP2_NAMESPACE.matcher(namespace).matches() || !CAIP2_REFERENCE.matcher(reference).matches()) {
            return new Caip10Check(null, "'" + input.substring(0, second) + "' is not a CAIP-2 chain id; write " + CAIP10_EXAMPLE);
        }
        Optional<Chain> chain = Chain.ofCaip2(namespace + ":" + reference);
        if (chain.isEmpty()) {
            return new Caip10Check(null, unsupportedChain(namespace, reference));
        }
        AddressCheck address = checkAddress(chain.get(), input.substring(second + 1));
        return address.valid() ? new Caip10Check(new Caip10(chain.get(), address.normalized()), null)
                : new Caip10Check(null, address.reason());
    }

    private static String unsupportedChain(String namespace, String reference) {
        String chains = Arrays.stream(Chain.values()).filter(c -> c.caip2().startsWith(namespace + ":"))
                .map(c -> c.caip2() + " (" + c.displayName() + ")").collect(Collectors.joining(", "));
        if (chains.isEmpty()) {
            return "CAIP-2 namespace '" + namespace + "' is not supported; FreezeDesk handles eip155 (Ethereum and other EVM chains), "
                    + "bip122 (Bitcoin), tron and solana";
        }
        return namespace + ":" + reference + " is not a chain FreezeDesk handles (test networks hold no real funds); "
                + (namespace.equals("eip155") ? "the EVM chains are " : "use ") + chains;
    }

    public AddressCheck checkAddress(Chain chain, String address) {
        Objects.requireNonNull(chain, "chain");
        String input = trim(address);
        if (input.isEmpty()) {
            return AddressCheck.invalid("address is required");
        }
        String what = chain.displayName() + " address";
        try {
            refuseOverlong(what, input);
            refuseShortened(what, input);
            if (!chain.isEvm() && startsWith0x(input)) {
                throw refused("%s addresses never start with 0x; this looks like an address on Ethereum or another EVM chain", chain.displayName());
            }
            return AddressCheck.valid(switch (chain) {
                case BTC -> bitcoinAddress(input);
                case ETH, BSC, ARB, OP, BASE, POLYGON, AVAX -> evmAddress(what, input);
                case TRON -> tronAddress(input);
                case SOL -> solanaAddress(input);
            });
        } catch (Refused refusal) {
            return AddressCheck.invalid(refusal.getMessage());
        }
    }

    public AddressCheck checkTransactionHash(Chain chain, String hash) {
        Objects.requireNonNull(chain, "chain");
        String input = trim(hash);
        if (input.isEmpty()) {
            return AddressCheck.invalid("transaction hash is required");
        }
        String what = chain.displayName() + " transaction hash";
        try {
            refuseOverlong(what, input);
            refuseShortened(what, input);
            return AddressCheck.valid(switch (chain) {
                case BTC, TRON -> unprefixedHash(chain, what, input);
                case ETH, BSC, ARB, OP, BASE, POLYGON, AVAX -> evmHash(what, input);
                case SOL -> solanaSignature(input);
            });
        } catch (Refused refusal) {
            return AddressCheck.invalid(refusal.getMessage());
        }
    }

    private static String bitcoinAddress(String input) {
        if (BASE58_FIRST_CHARACTERS.indexOf(input.charAt(0)) >= 0) {
            return legacyBitcoinAddress(input);
        }
        int separator = input.lastIndexOf('1');
        if (separator > 0 && input.substring(0, separator).chars().allMatch(Character::isLetter)) {
            return segwitBitcoinAddress(input, separator);
        }
        throw refused("Bitcoin address is not in any Bitcoin address format: mainnet addresses start with 1, 3 or bc1");
    }

    private static String legacyBitcoinAddress(String input) {
        byte[] payload = base58CheckPayload("Bitcoin address", input);
        int version = payload[0] & 0xff;
        if (version == BITCOIN_TESTNET_P2PKH || version == BITCOIN_TESTNET_P2SH) {
            throw refused("Bitcoin address is a testnet address; only mainnet addresses (starting with 1, 3 or bc1) hold real funds");
        }
        if (version != BITCOIN_P2PKH && version != BITCOIN_P2SH) {
            throw refused("Bitcoin address has version byte 0x%02x; mainnet addresses have 0x00 (starting with 1) or 0x05 (starting with 3)", version);
        }
        return input;
    }

    private static String segwitBitcoinAddress(String input, int separator) {
        String lower = input.toLowerCase(Locale.ROOT);
        if (!input.equals(lower) && !input.equals(input.toUpperCase(Locale.ROOT))) {
            throw refused("Bitcoin address mixes upper and lower case; a bc1 address is written all in lower case or all in upper case");
        }
        String prefix = lower.substring(0, separator + 1);
        if (prefix.equals("tb1") || prefix.equals("bcrt1")) {
            throw refused("Bitcoin address is a testnet address (prefix %s); only mainnet addresses, starting with bc1, hold real funds", prefix);
        }
        if (!prefix.equals("bc1")) {
            throw refused("Bitcoin address starts with %s; mainnet SegWit addresses start with bc1", prefix);
        }
        Bech32.Bech32Data decoded = decodeBech32(lower);
        byte[] symbols = decoded.bytes();
        if (symbols.length == 0) {
            throw refused("Bitcoin address has nothing after bc1 but its checksum");
        }
        int version = symbols[0];
        if (version > MAX_WITNESS_VERSION) {
            throw refused("Bitcoin address has witness version %d; only versions 0 to 16 exist", version);
        }
        if (version == 0 && decoded.encoding != Bech32.Encoding.BECH32) {
            throw refused("Bitcoin address is a version 0 (bc1q) address with a bech32m checksum, but version 0 uses bech32 (BIP-173); check for a mistyped character");
        }
        if (version > 0 && decoded.encoding != Bech32.Encoding.BECH32M) {
            throw refused("Bitcoin address is a version %d address with a bech32 checksum, but versions 1 to 16 use bech32m (BIP-350); check for a mistyped character", version);
        }
        int programBytes = witnessProgram(symbols).length;
        if (version == 0 && programBytes != 20 && programBytes != 32) {
            throw refused("Bitcoin address is a version 0 address holding %d bytes, but version 0 holds 20 or 32; a character may be missing or extra", programBytes);
        }
        if (programBytes < 2 || programBytes > 40) {
            throw refused("Bitcoin address holds a %d-byte witness program, but SegWit allows 2 to 40 bytes; a character may be missing or extra", programBytes);
        }
        return lower;
    }

    private static Bech32.Bech32Data decodeBech32(String lower) {
        try {
            return Bech32.decode(lower);
        } catch (AddressFormatException.InvalidCharacter e) {
            throw refused("Bitcoin address contains %s at position %d, which bech32 does not use (it leaves out 1, b, i and o after bc1)",
                    describe(e.character), e.position + 1);
        } catch (AddressFormatException.InvalidChecksum e) {
            throw refused("Bitcoin address checksum does not match — check for a mistyped character");
        } catch (AddressFormatException e) {
            throw refused("Bitcoin address has the wrong length for a bc1 address (%d characters)", lower.length());
        }
    }

    /**
     * Regroups the 5-bit symbols after the witness version into bytes with bitcoinj's own conversion, which refuses
     * non-zero or over-long padding. bitcoinj's SegwitAddress is not used because it refuses version 1 programs
     * other than 32 bytes, which BIP-350 accepts.
     */
    private static byte[] witnessProgram(byte[] symbols) {
        byte[] programSymbols = Arrays.copyOfRange(symbols, 1, symbols.length);
        try {
            // The constructor is protected; an anonymous subclass is the library's way in.
            return new Bech32.Bech32Bytes(programSymbols) { }.decode5to8();
        } catch (AddressFormatException e) {
            throw refused("Bitcoin address does not decode to whole bytes; a character may be missing or extra");
        }
    }

    private static String evmAddress(String what, String input) {
        if (!input.startsWith("0x")) {
            boolean onlyPrefixMissing = input.length() == EVM_ADDRESS_HEX_DIGITS && firstNonHex(input) < 0;
            throw refused("%s must be 0x followed by 40 hex digits%s", what, onlyPrefixMissing ? "; the 0x prefix is missing" : "");
        }
        String digits = hexDigits(what, input, 2, EVM_ADDRESS_HEX_DIGITS);
        String checksummed = eip55(digits);
        boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
        if (mixedCase && !checksummed.equals(input)) {
            throw refused("%s mixes upper and lower case but its EIP-55 checksum does not match — check for a mistyped character", what);
        }
        return checksummed;
    }

    /** EIP-55: a letter is upper case exactly when the matching nibble of the Keccak-256 of the lower-case hex is 8 or more. */
    private static String eip55(String digits) {
        String lower = digits.toLowerCase(Locale.ROOT);
        byte[] ascii = lower.getBytes(StandardCharsets.US_ASCII);
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(ascii, 0, ascii.length);
        byte[] hash = new byte[keccak.getDigestSize()];
        keccak.doFinal(hash, 0);
        StringBuilder checksummed = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            char digit = lower.charAt(i);
            checksummed.append(nibble >= 8 ? Character.toUpperCase(digit) : digit);
        }
        return checksummed.toString();
    }

    private static String tronAddress(String input) {
        byte[] payload = base58CheckPayload("Tron address", input);
        int version = payload[0] & 0xff;
        if (version != TRON_VERSION) {
            boolean bitcoin = version == BITCOIN_P2PKH || version == BITCOIN_P2SH;
            throw refused("Tron address has version byte 0x%02x, but Tron addresses have 0x41 and start with T%s",
                    version, bitcoin ? "; this looks like a Bitcoin address" : "");
        }
        return input;
    }

    private static String solanaAddress(String input) {
        int length = base58("Solana address", input).length;
        if (length < SOLANA_ADDRESS_BYTES) {
            throw refused("Solana address is truncated: it decodes to %d of 32 bytes", length);
        }
        if (length > SOLANA_ADDRESS_BYTES) {
            throw refused("Solana address is too long: it decodes to %d bytes, expected 32", length);
        }
        return input;
    }

    /** Bitcoin and Tron write hashes as bare hex; a 0x prefix usually means a hash from an EVM chain was pasted. */
    private static String unprefixedHash(Chain chain, String what, String input) {
        if (startsWith0x(input)) {
            throw refused("%s is written without 0x; remove the prefix if this really is a %s transaction", what, chain.displayName());
        }
        return hexDigits(what, input, 0, HASH_HEX_DIGITS).toLowerCase(Locale.ROOT);
    }

    private static String evmHash(String what, String input) {
        if (!input.startsWith("0x")) {
            boolean onlyPrefixMissing = input.length() == HASH_HEX_DIGITS && firstNonHex(input) < 0;
            throw refused("%s must be 0x followed by 64 hex digits%s", what, onlyPrefixMissing ? "; the 0x prefix is missing" : "");
        }
        return "0x" + hexDigits(what, input, 2, HASH_HEX_DIGITS).toLowerCase(Locale.ROOT);
    }

    private static String solanaSignature(String input) {
        int length = base58("Solana transaction signature", input).length;
        if (length < SOLANA_SIGNATURE_BYTES) {
            throw refused("Solana transaction signature is truncated: it decodes to %d of 64 bytes", length);
        }
        if (length > SOLANA_SIGNATURE_BYTES) {
            throw refused("Solana transaction signature is too long: it decodes to %d bytes, expected 64", length);
        }
        return input;
    }

    /** The hex digits after a prefix of the given length; positions in reasons count from the start of the input. */
    private static String hexDigits(String what, String input, int prefixLength, int expected) {
        String digits = input.substring(prefixLength);
        int bad = firstNonHex(digits);
        if (bad >= 0) {
            throw refused("%s contains %s at position %d, which is not a hex digit", what, describe(digits.charAt(bad)), prefixLength + bad + 1);
        }
        if (digits.length() < expected) {
            throw refused("%s is truncated: %d of %d hex digits", what, digits.length(), expected);
        }
        if (digits.length() > expected) {
            throw refused("%s is too long: %d hex digits, expected %d", what, digits.length(), expected);
        }
        return digits;
    }

    /** The version byte and hash of the 25-byte layout Bitcoin legacy and Tron addresses share, checksum verified. */
    private static byte[] base58CheckPayload(String what, String input) {
        int length = base58(what, input).length;
        if (length < BASE58CHECK_ADDRESS_BYTES) {
            throw refused("%s is truncated: it decodes to %d of 25 bytes; a character may be missing", what, length);
        }
        if (length > BASE58CHECK_ADDRESS_BYTES) {
            throw refused("%s is too long: it decodes to %d bytes, expected 25; there may be an extra character", what, length);
        }
        try {
            return Base58.decodeChecked(input);
        } catch (AddressFormatException e) {
            throw refused("%s checksum does not match — check for a mistyped character", what);
        }
    }

    private static byte[] base58(String what, String input) {
        try {
            return Base58.decode(input);
        } catch (AddressFormatException.InvalidCharacter e) {
            throw refused("%s contains %s at position %d, which base58 does not use (it leaves out 0, O, I and l)",
                    what, describe(e.character), e.position + 1);
        }
    }

    private static void refuseOverlong(String what, String input) {
        if (input.length() > MAX_INPUT_LENGTH) {
            throw refused("%s is too long: %d characters; is more than one value in this field?", what, input.length());
        }
    }

    /** Block explorers display hashes and addresses shortened with an ellipsis, and people copy what they see. */
    private static void refuseShortened(String what, String input) {
        if (input.contains("…") || input.contains("...")) {
            throw refused("%s is shortened with an ellipsis; copy the full value, not the one a block explorer displays", what);
        }
    }

    private static boolean startsWith0x(String input) {
        return input.startsWith("0x") || input.startsWith("0X");
    }

    private static int firstNonHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            char character = text.charAt(i);
            boolean hex = (character >= '0' && character <= '9') || (character >= 'a' && character <= 'f')
                    || (character >= 'A' && character <= 'F');
            if (!hex) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(char character) {
        if (character == ' ') {
            return "a space";
        }
        if (character < 0x21 || character > 0x7e) {
            return String.format(Locale.ROOT, "the invisible or non-ASCII character U+%04X", (int) character);
        }
        return "'" + character + "'";
    }

    /** Values copied from web pages and PDFs bring no-break and zero-width spaces along with ordinary ones. */
    private static String trim(String raw) {
        if (raw == null) {
            return "";
        }
        int start = 0;
        int end = raw.length();
        while (start < end && isBlank(raw.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean isBlank(char character) {
        return Character.isWhitespace(character) || Character.isSpaceChar(character)
                || character == '\u200B' || character == '\u2060' || character == '\uFEFF';
    }

    private static Refused refused(String reason, Object... arguments) {
        return new Refused(String.format(Locale.ROOT, reason, arguments));
    }

    /** Carries a reason up to the public method that turns it into an {@link AddressCheck}; no stack trace is kept. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
