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
import org.freezedesk.address.Caip10;
import org.freezedesk.address.Caip10Check;
import org.freezedesk.address.Chain;
import org.freezedesk.directory.AssetPrecision;
import org.freezedesk.input.Decimals;
import org.freezedesk.input.InputPolicy;
import org.springframework.stereotype.Component;

/**
 * The one check of a target, whether it was typed into the filing form, sent through the API or read from a
 * CSV line: chain-aware address and transaction hashes, an exact amount, and no target listed twice.
 */
@Component
public class TargetChecker {

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
    private final AssetPrecision assetPrecision;

    public TargetChecker(AddressValidator addresses, AssetPrecision assetPrecision) {
        this.addresses = addresses;
        this.assetPrecision = assetPrecision;
    }

    /** The decimal places of every asset, read once for all the rows or lines about to be checked. */
    public AssetPrecision.Table precision() {
        return assetPrecision.table();
    }

    /**
     * {@code precision} bounds an amount's decimals by its asset on its chain, as the portal bounds a frozen amount,
     * so that nothing is requested that no counterparty could report frozen.
     */
    public Result check(int lineNumber, TargetRow row, AssetPrecision.Table precision) {
        List<TargetProblem> problems = controlCharacters(row);
        if (!problems.isEmpty()) {
            return new Result(null, List.copyOf(problems));
        }
        boolean byCaip10 = !trim(row.getCaip10()).isEmpty();
        Optional<Caip10> account = byCaip10 ? caip10(row, problems) : Optional.empty();
        Optional<Chain> chain = account.map(Caip10::chain);
        if (!byCaip10) {
            chain = Chain.parse(trim(row.getChain()));
            if (chain.isEmpty()) {
                problems.add(new TargetProblem(TargetColumn.CHAIN, trim(row.getChain()).isEmpty()
                        ? "Choose a chain: " + CHAIN_CODES
                        : "Unknown chain '" + trim(row.getChain()) + "'; one of " + CHAIN_CODES));
            }
        }
        String asset = trim(row.getAsset()).toUpperCase(Locale.ROOT);
        if (!ASSET.matcher(asset).matches()) {
            problems.add(new TargetProblem(TargetColumn.ASSET, "Enter the asset symbol, such as BTC or USDT"));
        }
        String address = account.map(Caip10::address).orElse(null);
        if (!byCaip10 && chain.isPresent()) {
            AddressCheck check = addresses.checkAddress(chain.get(), row.getAddress());
            if (check.valid()) {
                address = check.normalized();
            } else {
                problems.add(new TargetProblem(TargetColumn.ADDRESS, check.reason()));
            }
        }
        int decimals = chain.isPresent() ? precision.of(chain.get().name(), asset) : Decimals.MAX_DECIMALS;
        String whyDecimals = chain.map(c -> asset + " on " + c.displayName() + " has " + decimals).orElse(null);
        BigDecimal amount = parseAmount(row.getAmount(), decimals, whyDecimals, problems);
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
     * The account a CAIP-10 id names, checked as the chain and address form is. Chain and address may be given
     * alongside it, but then must name the same account.
     */
    private Optional<Caip10> caip10(TargetRow row, List<TargetProblem> problems) {
        Caip10Check check = addresses.checkCaip10(row.getCaip10());
        if (!check.valid()) {
            problems.add(new TargetProblem(TargetColumn.CAIP10, check.reason()));
            return Optional.empty();
        }
        Caip10 account = check.account();
        boolean agree = true;
        String chainCode = trim(row.getChain());
        if (!chainCode.isEmpty() && Chain.parse(chainCode).filter(account.chain()::equals).isEmpty()) {
            agree = false;
            problems.add(new TargetProblem(TargetColumn.CAIP10, "The CAIP-10 id is on " + account.chain().name() + " ("
                    + account.chain().caip2() + ") but the chain given is '" + chainCode + "'; give one or make them agree"));
        }
        if (!trim(row.getAddress()).isEmpty()) {
            AddressCheck given = addresses.checkAddress(account.chain(), row.getAddress());
            if (!given.valid() || !given.normalized().equals(account.address())) {
                agree = false;
                problems.add(new TargetProblem(TargetColumn.CAIP10, "The CAIP-10 id names the address " + account.address()
                        + " but the address given is another; give one or make them agree"));
            }
        }
        return agree ? Optional.of(account) : Optional.empty();
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

    /** {@code whyDecimals} follows a refusal of too many decimals, naming the asset's precision. */
    private static BigDecimal parseAmount(String text, int decimals, String whyDecimals, List<TargetProblem> problems) {
        String value = trim(text);
        if (value.equalsIgnoreCase("all")) {
            return null;
        }
        if (value.isEmpty()) {
            problems.add(new TargetProblem(TargetColumn.AMOUNT, "Enter an amount, or 'all' for everything held at the address"));
            return null;
        }
        Decimals.Parsed amount = Decimals.positive(value, decimals);
        if (!amount.valid()) {
            String problem = amount.problem();
            if (problem.startsWith("Enter a number")) {
                problem += ", or 'all'";
            } else if (whyDecimals != null && problem.startsWith("At most " + decimals + " decimal")) {
                problem += ": " + whyDecimals;
            }
            problems.add(new TargetProblem(TargetColumn.AMOUNT, problem));
            return null;
        }
        return amount.amount();
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

    /** Forms and JSON refuse them as they are bound; a CSV line is refused here, column by column. */
    private static List<TargetProblem> controlCharacters(TargetRow row) {
        List<TargetProblem> problems = new ArrayList<>();
        for (TargetColumn column : TargetColumn.values()) {
            if (InputPolicy.hasControlCharacters(column.of(row))) {
                problems.add(new TargetProblem(column, InputPolicy.CONTROL_CHARACTERS_MESSAGE));
            }
        }
        return problems;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
