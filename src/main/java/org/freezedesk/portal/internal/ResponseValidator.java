package org.freezedesk.portal.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.cases.FreezeRequest;
import org.freezedesk.cases.Target;
import org.freezedesk.counterpartyrequest.CounterpartyRequest;
import org.freezedesk.counterpartyrequest.NewOutcome;
import org.freezedesk.counterpartyrequest.Outcome;
import org.freezedesk.directory.AssetPrecision;
import org.freezedesk.input.Decimals;
import org.freezedesk.input.InputPolicy;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** Checks a counterparty's outcomes against the targets it was sent, and nothing else; the form and the API alike. */
@Component
class ResponseValidator {

    private static final int MAX_TEXT = 2000;
    private static final int MAX_REFERENCE = 200;

    private final AddressValidator addresses;
    private final AssetPrecision precision;

    ResponseValidator(AddressValidator addresses, AssetPrecision precision) {
        this.addresses = addresses;
        this.precision = precision;
    }

    /**
     * A draft is kept as typed, unchecked but for what could never be submitted either: rows for other
     * counterparties' targets, and text longer than any field allows.
     */
    void validateDraft(ResponseForm form, Map<Long, Target> targets, Errors errors) {
        if (form.getOutcomes().size() > targets.size()) {
            errors.reject("rows", "The form has more rows than your request has targets");
            return;
        }
        for (int i = 0; i < form.getOutcomes().size(); i++) {
            OutcomeRow row = form.getOutcomes().get(i);
            String prefix = "outcomes[" + i + "].";
            if (row == null || row.getTargetId() == null || !targets.containsKey(row.getTargetId())) {
                errors.rejectValue(prefix + "targetId", "unknown", "This target is not part of your request");
                continue;
            }
            tooLong(prefix + "outcome", row.getOutcome(), MAX_REFERENCE, errors);
            tooLong(prefix + "frozenAmount", row.getFrozenAmount(), MAX_REFERENCE, errors);
            tooLong(prefix + "internalReference", row.getInternalReference(), MAX_REFERENCE, errors);
            tooLong(prefix + "heldUntil", row.getHeldUntil(), MAX_REFERENCE, errors);
            tooLong(prefix + "onwardTxHash", row.getOnwardTxHash(), MAX_REFERENCE, errors);
            tooLong(prefix + "onwardAddress", row.getOnwardAddress(), MAX_REFERENCE, errors);
            tooLong(prefix + "reason", row.getReason(), MAX_TEXT, errors);
        }
        tooLong("submittedBy", form.getSubmittedBy(), MAX_REFERENCE, errors);
    }

    /** {@code targets} are the counterparty's own, by id; a row naming any other target is refused. */
    List<NewOutcome> validate(ResponseForm form, Map<Long, Target> targets, Errors errors) {
        List<NewOutcome> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
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
            if (!seen.add(target.id())) {
                errors.rejectValue(prefix + "targetId", "duplicate", "This target already has an outcome in this response");
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
        if (!Outcome.answers().contains(outcome)) {
            errors.rejectValue(prefix + "outcome", "release", "A release is confirmed only once the request is withdrawn");
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
            if (!outcome.freezesFunds()) {
                errors.rejectValue(prefix + "heldUntil", "notFrozen", "Leave empty unless funds were frozen");
            } else {
                heldUntil = InputPolicy.date(row.getHeldUntil(), prefix + "heldUntil", LocalDate.now(), errors).orElse(null);
            }
        }
        String onwardTx = null;
        String onwardAddress = null;
        Chain chain = Chain.valueOf(target.chain());
        if (outcome != Outcome.FUNDS_MOVED) {
            if (!blank(row.getOnwardTxHash())) {
                errors.rejectValue(prefix + "onwardTxHash", "notMoved", "Leave empty unless the funds moved on");
            }
            if (!blank(row.getOnwardAddress())) {
                errors.rejectValue(prefix + "onwardAddress", "notMoved", "Leave empty unless the funds moved on");
            }
        } else {
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
        } else {
            tooLong(prefix + "reason", reason, MAX_TEXT, errors);
        }
        String reference = blank(row.getInternalReference()) ? null : row.getInternalReference().strip();
        tooLong(prefix + "internalReference", reference, MAX_REFERENCE, errors);
        if (errors.getErrorCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new NewOutcome(target.id(), outcome, frozen, reference, heldUntil, onwardTx, onwardAddress, reason));
    }

    /**
     * The title the answer acknowledges receipt with, stripped, or null when the request is acknowledged already; an
     * answer to a request not yet acknowledged must give one. {@code otherwise}, when not null, names the other way.
     */
    String acknowledgingTitle(ResponseForm form, CounterpartyRequest counterpartyRequest, String otherwise, Errors errors) {
        if (counterpartyRequest.acknowledged()) {
            return null;
        }
        if (blank(form.getSubmitterTitle())) {
            errors.rejectValue("submitterTitle", "required", "Enter your title or function: answering also acknowledges receipt"
                    + (otherwise == null ? "" : " (or acknowledge first: " + otherwise + ")"));
            return null;
        }
        return form.getSubmitterTitle().strip();
    }

    /** Every answer to a request that forbids telling the customer confirms that the counterparty complied. */
    void requireDoNotNotifyConfirmation(FreezeRequest freezeRequest, boolean confirmed, Errors errors) {
        if (freezeRequest.doNotNotify() && !confirmed) {
            errors.rejectValue("doNotNotifyConfirmed", "required",
                    "Confirm that you have not told your customer and will not until " + freezeRequest.doNotNotifyUntil() + ", as the request requires");
        }
    }

    /** The targets named once each, all of them the counterparty's own; the ids in the order given. */
    List<Long> validateRelease(ReleaseForm form, Map<Long, Target> targets, Errors errors) {
        List<Long> result = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < form.getTargetIds().size(); i++) {
            Long id = form.getTargetIds().get(i);
            if (id == null || !targets.containsKey(id)) {
                errors.rejectValue("targetIds[" + i + "]", "unknown", "This target is not part of your request");
            } else if (seen.add(id)) {
                result.add(id);
            }
        }
        if (result.isEmpty() && !errors.hasFieldErrors("targetIds*")) {
            errors.rejectValue("targetIds", "required", "Tick at least one address whose freeze you released");
        }
        return result;
    }

    private BigDecimal frozenAmount(String prefix, String text, Target target, Outcome outcome, Errors errors) {
        String field = prefix + "frozenAmount";
        if (blank(text)) {
            errors.rejectValue(field, "required", "Enter the amount frozen");
            return null;
        }
        int decimals = precision.decimals(target.chain(), target.asset());
        Decimals.Parsed parsed = Decimals.positive(text, decimals);
        if (!parsed.valid()) {
            errors.rejectValue(field, "number", parsed.problem().startsWith("At most " + decimals + " decimal")
                    ? parsed.problem() + ": " + target.asset() + " on " + Chain.valueOf(target.chain()).displayName() + " has " + decimals
                    : parsed.problem());
            return null;
        }
        BigDecimal amount = parsed.amount();
        if (target.amount() != null && amount.compareTo(target.amount()) > 0) {
            errors.rejectValue(field, "max", "Not more than the requested " + target.amountText() + " " + target.asset());
        } else if (outcome == Outcome.PARTIALLY_FROZEN && target.amount() != null && amount.compareTo(target.amount()) == 0) {
            errors.rejectValue(field, "partial", "That is the whole requested amount: choose FROZEN");
        }
        return amount;
    }

    private static void tooLong(String field, String value, int max, Errors errors) {
        if (value != null && value.length() > max) {
            errors.rejectValue(field, "size", "At most " + max + " characters");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
