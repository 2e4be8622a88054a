package org.freezedesk.recovery.internal;

/**
 * Names shared by {@code bpmn/recovery.bpmn}, {@code bpmn/counterparty-sla.dmn} and the Java that drives them:
 * the process key, its variables, its activities and the beans its service tasks call (each bean named as its
 * activity).
 */
public final class RecoveryProcess {

    public static final String KEY = "recovery";

    public static final String RECOVERY_INSTRUCTION_ID = "recoveryInstructionId";
    public static final String FILER = "filer";
    /** Legal's decision on the instruction or on its withdrawal, a {@link org.freezedesk.review.ReviewDecision} name. */
    public static final String REVIEW_DECISION = "reviewDecision";
    /** The SLA decision's input: the urgency of the freeze request the funds were frozen under. */
    public static final String URGENCY = "urgency";
    /** The SLA decision's outputs, shares of the counterparty's response SLA. */
    public static final String REMINDER_SHARE = "reminderShare";
    public static final String ESCALATION_SHARE = "escalationShare";
    /** How long after the notification the counterparty is reminded (ISO-8601); set by {@link #SEND_RECOVERY_NOTIFICATION}. */
    public static final String REMINDER_AFTER = "reminderAfter";
    /** When the transfer is overdue (a {@link java.util.Date}); set with the notification, moved when the filer extends it. */
    public static final String DEADLINE = "deadline";
    /** Whether the counterparty confirmed the transfer; set by {@link #CHECK_TRANSFER}. */
    public static final String TRANSFER_CONFIRMED = "transferConfirmed";
    /** The filer's choice in {@link #FOLLOW_UP_TRANSFER}, a {@link RecoveryFollowUpDecision} name. */
    public static final String FOLLOW_UP_DECISION = "followUpDecision";

    public static final String REVIEW_RECOVERY_INSTRUCTION = "reviewRecoveryInstruction";
    public static final String AMEND_RECOVERY_INSTRUCTION = "amendRecoveryInstruction";
    public static final String LEGAL_GROUP = "legal";
    public static final String DECIDE_TRANSFER_SLA = "decideTransferSla";
    public static final String SEND_RECOVERY_NOTIFICATION = "sendRecoveryNotification";
    public static final String AWAIT_TRANSFER = "awaitTransfer";
    public static final String SEND_TRANSFER_REMINDER = "sendTransferReminder";
    public static final String MARK_TRANSFER_OVERDUE = "markTransferOverdue";
    public static final String FOLLOW_UP_TRANSFER = "followUpTransfer";
    public static final String REVIEW_WITHDRAWAL = "reviewWithdrawal";
    public static final String MARK_RECOVERY_WITHDRAWN = "markRecoveryWithdrawn";
    public static final String CHECK_TRANSFER = "checkTransfer";

    /** Correlated on {@link #RECOVERY_INSTRUCTION_ID} once the counterparty's answer is stored. */
    public static final String RECOVERY_ANSWERED = "recoveryAnswered";

    private RecoveryProcess() {
    }
}
