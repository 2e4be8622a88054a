package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.freezedesk.directory.CounterpartyKind;
import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/** Checks an instruction against what was actually frozen; the destination address per the target's chain. */
@Component
class InstructionValidator {

    private final RecoveryRepository recoveries;
    private final AddressValidator addresses;

    InstructionValidator(RecoveryRepository recoveries, AddressValidator addresses) {
        this.recoveries = recoveries;
        this.addresses = addresses;
    }

    Optional<NewInstruction> validate(long caseId, InstructionForm form, Errors errors) {
        Optional<FrozenHolding> holding = holding(caseId, form.getHolding(), errors);
        Optional<LocalDate> date = Amounts.pastDate(form.getInstrumentDate(), "instrumentDate", LocalDate.now(ZoneOffset.UTC), errors);
        Optional<BigDecimal> amount = Amounts.positive(form.getAmount(), "amount", errors);
        String destination = null;
        if (holding.isPresent() && form.getMethod() == RecoveryMethod.BURN_AND_REISSUE
                && holding.get().counterpartyKind() != CounterpartyKind.ISSUER) {
            errors.rejectValue("method", "notIssuer", holding.get().counterpartyName() + " is not an issuer and cannot burn and reissue");
        }
        if (holding.isPresent() && form.getMethod() == RecoveryMethod.TRANSFER) {
            AddressCheck check = addresses.checkAddress(Chain.valueOf(holding.get().chain()), form.getDestinationAddress());
            if (check.valid()) {
                destination = check.normalized();
            } else {
                errors.rejectValue("destinationAddress", "address", check.reason());
            }
        }
        if (holding.isPresent() && amount.isPresent()) {
            BigDecimal available = holding.get().available();
            if (available != null && amount.get().compareTo(available) > 0) {
                errors.rejectValue("amount", "tooMuch", "Only " + available.stripTrailingZeros().toPlainString() + " "
                        + holding.get().asset() + " are frozen and not yet instructed");
            }
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new NewInstruction(holding.get(), form.getInstrument(), form.getInstrumentReference().strip(), date.get(),
                form.getMethod(), destination, amount.get()));
    }

    private Optional<FrozenHolding> holding(long caseId, String key, Errors errors) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        String[] parts = key.split(":");
        try {
            if (parts.length == 2) {
                Optional<FrozenHolding> found = recoveries.frozenHolding(caseId, Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                if (found.isPresent()) {
                    return found;
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal below, like any other unknown choice
        }
        errors.rejectValue("holding", "unknown", "Choose one of the frozen holdings listed");
        return Optional.empty();
    }
}
