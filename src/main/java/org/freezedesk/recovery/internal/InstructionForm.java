package org.freezedesk.recovery.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A recovery instruction as the agency types it; amounts and dates stay text so a refused form shows what was typed. */
public class InstructionForm {

    @NotBlank(message = "Choose the frozen holding to recover")
    private String holding;
    @NotNull(message = "Choose the legal instrument")
    private Instrument instrument;
    @NotBlank(message = "Give the instrument's reference")
    @Size(max = 200, message = "At most 200 characters")
    private String instrumentReference;
    @NotBlank(message = "Give the instrument's date")
    private String instrumentDate;
    @NotNull(message = "Choose how the funds come back")
    private RecoveryMethod method = RecoveryMethod.TRANSFER;
    private String destinationAddress;
    @NotBlank(message = "Give the amount to recover")
    private String amount;

    public String getHolding() {
        return holding;
    }

    public void setHolding(String holding) {
        this.holding = holding;
    }

    public Instrument getInstrument() {
        return instrument;
    }

    public void setInstrument(Instrument instrument) {
        this.instrument = instrument;
    }

    public String getInstrumentReference() {
        return instrumentReference;
    }

    public void setInstrumentReference(String instrumentReference) {
        this.instrumentReference = instrumentReference;
    }

    public String getInstrumentDate() {
        return instrumentDate;
    }

    public void setInstrumentDate(String instrumentDate) {
        this.instrumentDate = instrumentDate;
    }

    public RecoveryMethod getMethod() {
        return method;
    }

    public void setMethod(RecoveryMethod method) {
        this.method = method;
    }

    public String getDestinationAddress() {
        return destinationAddress;
    }

    public void setDestinationAddress(String destinationAddress) {
        this.destinationAddress = destinationAddress;
    }

    public String getAmount() {
        return amount;
    }

    public void setAmount(String amount) {
        this.amount = amount;
    }
}
