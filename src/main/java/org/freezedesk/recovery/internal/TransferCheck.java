package org.freezedesk.recovery.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.freezedesk.address.AddressCheck;
import org.freezedesk.address.AddressValidator;
import org.freezedesk.address.Chain;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/** A counterparty's confirmation of a transfer checked against its instruction, the same from the portal and the API. */
@Component
class TransferCheck {

    record Transfer(String txHash, BigDecimal amount, LocalDate transferredOn) {
    }

    private final AddressValidator addresses;

    TransferCheck(AddressValidator addresses) {
        this.addresses = addresses;
    }

    /** Empty, with the reasons in {@code result}, when something is wrong (also earlier bean validation errors). */
    Optional<Transfer> check(RecoveryInstruction instruction, TransferForm form, BindingResult result) {
        AddressCheck hash = addresses.checkTransactionHash(Chain.valueOf(instruction.chain()), form.getTxHash());
        if (!hash.valid()) {
            result.rejectValue("txHash", "hash", hash.reason());
        }
        Optional<BigDecimal> amount = Amounts.positive(form.getAmount(), "amount", result);
        if (amount.isPresent() && amount.get().compareTo(instruction.amount()) > 0) {
            result.rejectValue("amount", "tooMuch", "The instruction is for " + instruction.amountText() + " " + instruction.asset());
        }
        Optional<LocalDate> on = Amounts.pastDate(form.getTransferredOn(), "transferredOn", LocalDate.now(ZoneOffset.UTC), result);
        if (result.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Transfer(hash.normalized(), amount.get(), on.get()));
    }
}
