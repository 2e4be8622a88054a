package org.freezedesk.cases;

/**
 * Names shared by {@code bpmn/freeze-request.bpmn} and the Java that drives it: the process key, its variables,
 * its activities and the beans its service tasks call (each bean named as its activity).
 */
public final class FreezeRequestProcess {

    public static final String KEY = "freeze-request";

    public static final String FREEZE_REQUEST_ID = "freezeRequestId";
    public static final String FILER = "filer";
    public static final String REVIEW_DECISION = "reviewDecision";
    /** The counterparties the approved request fans out to, one counterparty request each; set by {@link #LIST_COUNTERPARTIES}. */
    public static final String COUNTERPARTY_IDS = "counterpartyIds";
    /** The multi-instance's element: the counterparty of one counterparty request. */
    public static final String COUNTERPARTY_ID = "counterpartyId";

    /** Whether the request takes the emergency lane (its urgency is EMERGENCY); set by {@link #VALIDATE_AND_ROUTE}. */
    public static final String EMERGENCY = "emergency";
    /**
     * How often the on-call officers are reminded while nobody approves an EMERGENCY request, an ISO-8601 repeating
     * interval ({@code R/PT15M}) from {@code freezedesk.emergency.on-call-reminder-after}; set by {@link #VALIDATE_AND_ROUTE}.
     */
    public static final String ON_CALL_REMINDER_CYCLE = "onCallReminderCycle";
    /**
     * When, and then how often, legal review is reminded of an emergency request's second review still open after the
     * fan-out ({@code R/PT24H}), from {@code freezedesk.emergency.second-review-within}; set by {@link #VALIDATE_AND_ROUTE}.
     */
    public static final String SECOND_REVIEW_REMINDER_CYCLE = "secondReviewReminderCycle";
    /** Who approved an EMERGENCY request on call: the second review must be someone else. */
    public static final String ON_CALL_APPROVER = "onCallApprover";

    /**
     * Starts the non-interrupting event sub-process that takes a supplementary request through review and
     * fan-out; correlated on the case's running instance with the new request's id as a local variable.
     */
    public static final String SUPPLEMENTARY_REQUEST_FILED = "supplementaryRequestFiled";

    public static final String VALIDATE_AND_ROUTE = "validateAndRoute";
    public static final String LIST_COUNTERPARTIES = "listCounterparties";
    /** What each counterparty request of the fan-out starts with: its freeze request and counterparty. */
    public static final String COUNTERPARTY_REQUEST_INPUT = "counterpartyRequestInput";
    public static final String COMPLETE_FREEZE_REQUEST = "completeFreezeRequest";
    /** Completion listener of the legal review task; it lives in the review module, which does that task's work. */
    public static final String REQUIRE_LEGAL_DECISION = "requireLegalDecision";
    public static final String LEGAL_REVIEW = "legalReview";
    public static final String AMEND_REQUEST = "amendRequest";
    public static final String READ_SUMMARY = "readSummary";
    public static final String LEGAL_GROUP = "legal";
    /** The emergency lane's approval by one on-call legal officer; its candidates are the officers marked on call. */
    public static final String ON_CALL_APPROVAL = "onCallApproval";
    public static final String ON_CALL_GROUP = "legalOnCall";
    /** The full legal review of an EMERGENCY request, after it went out; rejecting it releases the freeze. */
    public static final String SECOND_REVIEW = "secondReview";
    public static final String ALERT_ON_CALL = "alertOnCall";
    public static final String REMIND_ON_CALL = "remindOnCall";
    public static final String REMIND_SECOND_REVIEW = "remindSecondReview";
    public static final String RELEASE_FREEZE = "releaseFreeze";

    private FreezeRequestProcess() {
    }
}
