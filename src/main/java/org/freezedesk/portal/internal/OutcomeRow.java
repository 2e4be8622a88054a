package org.freezedesk.portal.internal;

/** One target's outcome as typed in the response form; an empty outcome means "not answered yet". */
public class OutcomeRow {

    private Long targetId;
    private String outcome;
    private String frozenAmount;
    private String internalReference;
    private String heldUntil;
    private String onwardTxHash;
    private String onwardAddress;
    private String reason;

    public Long getTargetId() {
        return targetId;
    }

    public void setTargetId(Long targetId) {
        this.targetId = targetId;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }

    public String getFrozenAmount() {
        return frozenAmount;
    }

    public void setFrozenAmount(String frozenAmount) {
        this.frozenAmount = frozenAmount;
    }

    public String getInternalReference() {
        return internalReference;
    }

    public void setInternalReference(String internalReference) {
        this.internalReference = internalReference;
    }

    public String getHeldUntil() {
        return heldUntil;
    }

    public void setHeldUntil(String heldUntil) {
        this.heldUntil = heldUntil;
    }

    public String getOnwardTxHash() {
        return onwardTxHash;
    }

    public void setOnwardTxHash(String onwardTxHash) {
        this.onwardTxHash = onwardTxHash;
    }

    public String getOnwardAddress() {
        return onwardAddress;
    }

    public void setOnwardAddress(String onwardAddress) {
        this.onwardAddress = onwardAddress;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
