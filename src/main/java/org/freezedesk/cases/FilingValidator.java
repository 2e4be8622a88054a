package org.freezedesk.cases;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.directory.Counterparty;
import org.freezedesk.directory.CounterpartyRepository;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * The checks on targets that bean validation cannot express: chain-aware addresses, exact amounts and
 * the counterparty of each row. Used by the filing form, the amendment form and the API alike.
 */
@Component
public class FilingValidator {

    /** Amounts are exact in the asset's own units; 18 decimals covers every EVM token. */
    static final int MAX_DECIMALS = 18;
    private static final int MAX_INTEGER_DIGITS = 20;
    private static final Pattern ASSET = Pattern.compile("[A-Za-z0-9.]{1,20}");

    private final AddressValidator addresses;
    private final CounterpartyRepository counterparties;

    public FilingValidator(AddressValidator addresses, CounterpartyRepository counterparties) {
        this.addresses = addresses;
        this.counterparties = counterparties;
    }

    /** Adds an error per bad field to {@code errors} and returns the targets in normalized form. */
    public List<NewTarget> validateTargets(FilingForm form, Errors errors) {
        List<NewTarget> result = new ArrayList<>();
        if (form.getTargets().isEmpty()) {
            errors.rejectValue("targets", "required", "Add at least one target");
            return result;
        }
        for (int i = 0; i < form.getTargets().size(); i++) {
            validateRow(i, form.getTargets().get(i), errors).ifPresent(result::add);
        }
        return result;
    }

    private Optional<NewTarget> validateRow(int index, TargetRow row, Errors errors) {
        String prefix = "targets[" + index + "].";
        int errorsBefore = errors.getErrorCount();

        Optional<Chain> chain = Chain.parse(trim(row.getChain()));
        if (chain.isEmpty()) {
            errors.rejectValue(prefix + "chain", "chain", "Choose a chain: " + Arrays.stream(Chain.values())
                    .map(Chain::name).collect(Collectors.joining(", ")));
        }
        String asset = trim(row.getAsset()).toUpperCase(Locale.ROOT);
        if (!ASSET.matcher(asset).matches()) {
            errors.rejectValue(prefix + "asset", "asset", "Enter the asset symbol, such as BTC or USDT");
        }
        String address = null;
        if (chain.isPresent()) {
            AddressCheck check = addresses.checkAddress(chain.get(), row.getAddress());
            if (check.valid()) {
                address = check.normalized();
            } else {
                errors.rejectValue(prefix + "address", "address", check.reason());
            }
        }
        BigDecimal amount = parseAmount(row.getAmount(), prefix + "amount", errors);
        String txHashes = chain.map(c -> parseTxHashes(c, row.getTxHashes(), prefix + "txHashes", errors)).orElse(null);
        String note = trim(row.getNote());
        if (note.length() > 1000) {
            errors.rejectValue(prefix + "note", "size", "At most 1000 characters");
        }
        Long counterpartyId = row.getCounterpartyId();
        if (counterpartyId == null) {
            errors.rejectValue(prefix + "counterpartyId", "required", "Choose the counterparty that holds the funds");
        } else if (counterparties.findById(counterpartyId).filter(Counterparty::active).isEmpty()) {
            errors.rejectValue(prefix + "counterpartyId", "unknown", "This counterparty is not in the directory");
        }
        if (errors.getErrorCount() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new NewTarget(index + 1, chain.get().name(), asset, address, amount, txHashes,
                note.isEmpty() ? null : note, counterpartyId));
    }

    private static BigDecimal parseAmount(String text, String field, Errors errors) {
        String value = trim(text);
        if (value.equalsIgnoreCase("all")) {
            return null;
        }
        if (value.isEmpty()) {
            errors.rejectValue(field, "required", "Enter an amount, or 'all' for everything held at the address");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number", "Enter a number such as 1250.5, or 'all'");
            return null;
        }
        if (amount.signum() <= 0) {
            errors.rejectValue(field, "positive", "The amount must be more than zero");
        } else if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.rejectValue(field, "scale", "At most " + MAX_DECIMALS + " decimal places");
        } else if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            errors.rejectValue(field, "size", "The amount is too large");
        }
        return amount;
    }

    private String parseTxHashes(Chain chain, String text, String field, Errors errors) {
        List<String> normalized = new ArrayList<>();
        for (String hash : trim(text).split("[\\s,;]+")) {
            if (hash.isEmpty()) {
                continue;
            }
            AddressCheck check = addresses.checkTransactionHash(chain, hash);
            if (!check.valid()) {
                errors.rejectValue(field, "txHash", hash + ": " + check.reason());
                return null;
            }
            normalized.add(check.normalized());
        }
        String joined = String.join(" ", normalized);
        if (joined.length() > 4000) {
            errors.rejectValue(field, "size", "Too many transaction hashes for one target");
            return null;
        }
        return joined.isEmpty() ? null : joined;
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
