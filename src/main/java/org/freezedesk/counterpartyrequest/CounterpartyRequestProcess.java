package org.freezedesk.counterpartyrequest;

/**
 * Names shared by {@code bpmn/counterparty-request.bpmn}, {@code bpmn/counterparty-sla.dmn} and the Java that drives
 * them: the process key, its variables, its activities and the beans its service tasks call (each bean named as
 * its activity).
 */
public final class CounterpartyRequestProcess {

    public static final String KEY = "counterparty-request";
    /** Decides from the request's urgency after which share of the counterparty's SLA to remind and to escalate. */
    public static final String SLA_DECISION = "counterparty-sla";

    /**
     * The freeze request and the counterparty the request goes to: transient, given by the calling process and read
     * only by {@link #CREATE_COUNTERPARTY_REQUEST}, which stores them on the counterparty request's row.
     */
    public static final String FREEZE_REQUEST_ID = "freezeRequestId";
    public static final String COUNTERPARTY_ID = "counterpartyId";
    /** The one stored variable every step reads: the counterparty request's row holds all else. */
    public static final String COUNTERPARTY_REQUEST_ID = "counterpartyRequestId";
    /** When the escalation timer fires (a {@link java.util.Date}); moved when the agency extends the deadline. */
    public static final String DEADLINE = "deadline";
    /** How long after the request is (again) waiting for a response its counterparty is reminded (ISO-8601). */
    public static final String REMINDER_AFTER = "reminderAfter";
    /** Whether every target has a final outcome; set transient by {@link #CHECK_ANSWERS} for the gateway right after it. */
    public static final String ALL_TARGETS_ANSWERED = "allTargetsAnswered";
    /** The agency's choice in the follow-up task, a {@link FollowUpDecision} name. */
    public static final String FOLLOW_UP_DECISION = "followUpDecision";

    /**
     * Input and outputs of {@link #SLA_DECISION}; the input is transient (the decision follows in the same transaction),
     * the outputs become process variables of the same names.
     */
    public static final String SLA_URGENCY = "urgency";
    public static final String SLA_REMINDER_SHARE = "reminderShare";
    public static final String SLA_ESCALATION_SHARE = "escalationShare";

    public static final String CREATE_COUNTERPARTY_REQUEST = "createCounterpartyRequest";
    public static final String DECIDE_SLA = "decideSla";
    public static final String SEND_NOTIFICATION = "sendNotification";
    public static final String AWAIT_RESPONSE = "awaitResponse";
    public static final String CHECK_ANSWERS = "checkAnswers";
    public static final String CLOSE_COUNTERPARTY_REQUEST = "closeCounterpartyRequest";
    public static final String SEND_REMINDER = "sendReminder";
    public static final String MARK_OVERDUE = "markOverdue";
    public static final String FOLLOW_UP = "followUp";
    /** Creation listener of {@link #FOLLOW_UP}: the task goes to whoever filed the freeze request. */
    public static final String ASSIGN_FOLLOW_UP = "assignFollowUp";
    public static final String RESEND_REQUEST = "resendRequest";
    public static final String SEND_ESCALATION_NOTICE = "sendEscalationNotice";

    /**
     * Starts the interrupting event sub-process that ends a counterparty request whose EMERGENCY request the second
     * review rejected, wherever it waits, after telling the counterparty to release the freeze; correlated on
     * {@link #COUNTERPARTY_REQUEST_ID}.
     */
    public static final String WITHDRAWN_MESSAGE = "counterpartyRequestWithdrawn";
    public static final String SEND_RELEASE_NOTICE = "sendReleaseNotice";

    /** Correlated on {@link #COUNTERPARTY_REQUEST_ID} once a response is stored. */
    public static final String RESPONSE_MESSAGE = "counterpartyResponse";

    private CounterpartyRequestProcess() {
    }
}
