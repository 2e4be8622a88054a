package org.freezedesk.recovery.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The counterparty's confirmation of a transfer, as typed. */
public class TransferForm {

    @NotBlank(message = "Give your name")
    @Size(max = 200, message = "At most 200 characters")
    private String name;
    private String txHash;
    @NotBlank(message = "Give the amount transferred")
    private String amount;
    @NotBlank(message = "Give the date of the transfer")
    private String transferredOn;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getTxHash() {
        return txHash;
    }

    public void setTxHash(String txHash) {
        this.txHash = txHash;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }

    public String getTransferredOn() {
        return transferredOn;
    }

    public void setTransferredOn(String transferredOn) {
        this.transferredOn = transferredOn;
    }
}
