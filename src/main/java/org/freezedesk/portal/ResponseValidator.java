package org.freezedesk.portal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** Checks a counterparty's outcomes against the targets it was sent, and nothing else. */
@Component
class ResponseValidator {

    private static final int MAX_DECIMALS = 18;

    private final AddressValidator addresses;

    ResponseValidator(AddressValidator addresses) {
        this.addresses = addresses;
    }

    /** {@code targets} are the counterparty's own, by id; a row naming any other target is refused. */
    List<NewOutcome> validate(ResponseForm form, Map<Long, Target> targets, Errors errors) {
        List<NewOutcome> result = new ArrayList<>();
        for (int i = 0; i < form.getOutcomes().size(); i++) {
            OutcomeRow row = form.getOutcomes().get(i);
            if (row == null || blank(row.getOutcome())) {
                continue;
            }
            String prefix = "outcomes[" + i + "].";
            Target target = row.getTargetId() == null ? null : targets.get(row.getTargetId());
            if (target == null) {
                errors.rejectValue(prefix + "targetId", "unknown", "This target is not part of your request");
                continue;
            }
            validateRow(prefix, row, target, errors).ifPresent(result::add);
        }
        if (result.isEmpty() && !errors.hasErrors()) {
            errors.reject("empty", "Choose an outcome for at least one target");
        }
        return result;
    }

    private Optional<NewOutcome> validateRow(String prefix, OutcomeRow row, Target target, Errors errors) {
        int before = errors.getErrorCount();
        Outcome outcome;
        try {
            outcome = Outcome.valueOf(row.getOutcome().strip());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(prefix + "outcome", "unknown", "Choose one of the listed outcomes");
            return Optional.empty();
        }
        BigDecimal frozen = null;
        if (outcome.freezesFunds()) {
            frozen = frozenAmount(prefix, row.getFrozenAmount(), target, outcome, errors);
        } else if (!blank(row.getFrozenAmount())) {
            errors.rejectValue(prefix + "frozenAmount", "notFrozen", "Leave empty unless funds were frozen");
        }
        LocalDate heldUntil = null;
        if (!blank(row.getHeldUntil())) {
            try {
                heldUntil = LocalDate.parse(row.getHeldUntil().strip());
            } catch (DateTimeParseException e) {
                errors.rejectValue(prefix + "heldUntil", "date", "Enter a date as YYYY-MM-DD");
            }
        }
        String onwardTx = null;
        String onwardAddress = null;
        Chain chain = Chain.valueOf(target.chain());
        if (outcome == Outcome.FUNDS_MOVED) {
            AddressCheck tx = addresses.checkTransactionHash(chain, row.getOnwardTxHash());
            if (tx.valid()) {
                onwardTx = tx.normalized();
            } else {
                errors.rejectValue(prefix + "onwardTxHash", "txHash", tx.reason());
            }
            AddressCheck address = addresses.checkAddress(chain, row.getOnwardAddress());
            if (address.valid()) {
                onwardAddress = address.normalized();
            } else {
                errors.rejectValue(prefix + "onwardAddress", "address", address.reason());
            }
        }
        String reason = blank(row.getReason()) ? null : row.getReason().strip();
        if (outcome == Outcome.DECLINED && reason == null) {
            errors.rejectValue(prefix + "reason", "required", "Say why, for example \"needs a local court order\"");
        } else if (reason != null && reason.length() > 2000) {
            errors.rejectValue(prefix + "reason", "size", "At most 2000 characters");
        }
        String reference = blank(row.getInternalReference()) ? null : row.getInternalReference().strip();
        if (reference != null && reference.length() > 200) {
            errors.rejectValue(prefix + "internalReference", "size", "At most 200 characters");
        }
        if (errors.getErrorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new NewOutcome(target.id(), outcome, frozen, reference, heldUntil, onwardTx, onwardAddress, reason));
    }

    private static BigDecimal frozenAmount(String prefix, String text, Target target, Outcome outcome, Errors errors) {
        String field = prefix + "frozenAmount";
        if (blank(text)) {
            errors.rejectValue(field, "required", "Enter the amount frozen");
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.rejectValue(field, "number", "Enter a number such as 1250.5");
            return null;
        }
        if (amount.signum() <= 0) {
            errors.rejectValue(field, "positive", "The amount must be more than zero");
        } else if (amount.stripTrailingZeros().scale() > MAX_DECIMALS) {
            errors.rejectValue(field, "scale", "At most " + MAX_DECIMALS + " decimal places");
        } else if (target.amount() != null && amount.compareTo(target.amount()) > 0) {
            errors.rejectValue(field, "max", "Not more than the requested " + target.amountText() + " " + target.asset());
        } else if (outcome == Outcome.PARTIALLY_FROZEN && target.amount() != null && amount.compareTo(target.amount()) == 0) {
            errors.rejectValue(field, "partial", "That is the whole requested amount: choose FROZEN");
        }
        return amount;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
