package org.freezedesk.cases.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.springframework.stereotype.Component;

/**
 * The one check of a target, whether it was typed into the filing form, sent through the API or read from a
 * CSV line: chain-aware address and transaction hashes, an exact amount, and no target listed twice.
 */
@Component
public class TargetChecker {

    /** Amounts are exact in the asset's own units; 18 decimals covers every EVM token. */
    private static final int MAX_DECIMALS = 18;
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final int MAX_NOTE = 1000;
    private static final int MAX_TX_HASHES = 4000;
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9.]{1,20}");
    private static final String CHAIN_CODES = Arrays.stream(Chain.values()).map(Chain::name).collect(Collectors.joining(", "));

    /** A checked line: the target in normalized form, or what is wrong with it. */
    public record Result(NewTarget target, List<TargetProblem> problems) {

        public boolean valid() {
            return target != null;
        }
    }

    private final AddressValidator addresses;

    public TargetChecker(AddressValidator addresses) {
        this.addresses = addresses;
    }

    public Result check(int lineNumber, TargetRow row) {
        List<TargetProblem> problems = new ArrayList<>();
        Optional<Chain> chain = Chain.parse(trim(row.getChain()));
        if (chain.isEmpty()) {
            problems.add(new TargetProblem(TargetColumn.CHAIN, trim(row.getChain()).isEmpty()
                    ? "Choose a chain: " + CHAIN_CODES
                    : "Unknown chain '" + trim(row.getChain()) + "'; one of " + CHAIN_CODES));
        }
        String asset = trim(row.getAsset()).toUpperCase(Locale.ROOT);
        if (!ASSET.matcher(asset).matches()) {
            problems.add(new TargetProblem(TargetColumn.ASSET, "Enter the asset symbol, such as BTC or USDT"));
        }
        String address = null;
        if (chain.isPresent()) {
            AddressCheck check = addresses.checkAddress(chain.get(), row.getAddress());
            if (check.valid()) {
                address = check.normalized();
            } else {
                problems.add(new TargetProblem(TargetColumn.ADDRESS, check.reason()));
            }
        }
        BigDecimal amount = parseAmount(row.getAmount(), problems);
        String txHashes = chain.map(c -> parseTxHashes(c, row.getTxHashes(), problems)).orElse(null);
        String note = trim(row.getNote());
        if (note.length() > MAX_NOTE) {
            problems.add(new TargetProblem(TargetColumn.NOTE, "At most " + MAX_NOTE + " characters"));
        }
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        return new Result(new NewTarget(lineNumber, chain.get().name(), asset, address, amount, txHashes,
                note.isEmpty() ? null : note), List.of());
    }

    /**
     * Finds targets listed more than once (same chain, asset and address): each repetition is named with the
     * line that came first. Keyed by the line of the repetition.
     */
    public static Map<Integer, TargetProblem> duplicates(List<NewTarget> targets, String lineWord) {
        Map<String, Integer> first = new HashMap<>();
        Map<Integer, TargetProblem> result = new HashMap<>();
        for (NewTarget target : targets) {
            Integer earlier = first.putIfAbsent(key(target.chain(), target.asset(), target.address()), target.lineNumber());
            if (earlier != null) {
                result.put(target.lineNumber(), new TargetProblem(TargetColumn.ADDRESS,
                        "Same chain, asset and address as " + lineWord + " " + earlier + "; list each target once"));
            }
        }
        return result;
    }

    public static String key(String chain, String asset, String address) {
        return chain + "/" + asset + "/" + address;
    }

    private static BigDecimal parseAmount(String text, List<TargetProblem> problems) {
        String value = trim(text);
        if (value.equalsIgnoreCase("all")) {
            return null;
        }
        if (value.isEmpty()) {
            problems.add(new TargetProblem(TargetColumn.AMOUNT, "Enter an amount, or 'all' for everything held at the address"));
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(new TargetProblem(TargetColumn.AMOUNT, "Enter a number such as 1250.5, or 'all'"));
            return null;
        }
        if (amount.signum() <= 0) {
            problems.add(new TargetProblem(TargetColumn.AMOUNT, "The amount must be more than zero"));
        } else if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            problems.add(new TargetProblem(TargetColumn.AMOUNT, "At most " + MAX_DECIMALS + " decimal places"));
        } else if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            problems.add(new TargetProblem(TargetColumn.AMOUNT, "The amount is too large"));
        }
        return amount;
    }

    private String parseTxHashes(Chain chain, String text, List<TargetProblem> problems) {
        List<String> normalized = new ArrayList<>();
        for (String hash : trim(text).split("[\\s,;]+")) {
            if (hash.isEmpty()) {
                continue;
            }
            AddressCheck check = addresses.checkTransactionHash(chain, hash);
            if (!check.valid()) {
                problems.add(new TargetProblem(TargetColumn.TX_HASHES, hash + ": " + check.reason()));
                return null;
            }
            normalized.add(check.normalized());
        }
        String joined = String.join(" ", normalized);
        if (joined.length() > MAX_TX_HASHES) {
            problems.add(new TargetProblem(TargetColumn.TX_HASHES, "Too many transaction hashes for one target"));
            return null;
        }
        return joined.isEmpty() ? null : joined;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
