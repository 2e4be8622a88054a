package org.freezedesk.recovery.internal;

/** Names shared by {@code bpmn/recovery.bpmn} and the Java that drives it. */
public final class RecoveryProcess {

    public static final String KEY = "recovery";

    public static final String RECOVERY_INSTRUCTION_ID = "recoveryInstructionId";
    public static final String FILER = "filer";
    public static final String REVIEW_DECISION = "reviewDecision";

    public static final String REVIEW_RECOVERY_INSTRUCTION = "reviewRecoveryInstruction";
    public static final String LEGAL_GROUP = "legal";
    public static final String SEND_RECOVERY_NOTIFICATION = "sendRecoveryNotification";

    /** Correlated on {@link #RECOVERY_INSTRUCTION_ID} once the counterparty's answer is stored. */
    public static final String RECOVERY_ANSWERED = "recoveryAnswered";

    private RecoveryProcess() {
    }
}
