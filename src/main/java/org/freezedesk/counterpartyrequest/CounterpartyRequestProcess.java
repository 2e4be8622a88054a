package org.freezedesk.counterpartyrequest;

/** Names shared by {@code bpmn/counterparty-request.bpmn}, {@code bpmn/link-renewal.bpmn}, {@code bpmn/counterparty-sla.dmn} and the Java that drives them. */
public final class CounterpartyRequestProcess {

    public static final String KEY = "counterparty-request";
    /** Mails a fresh link a contact asked for; a process of its own, so it also works once the request has ended. */
    public static final String LINK_RENEWAL_KEY = "link-renewal";
    /** Decides from the request's urgency after which share of the counterparty's SLA to remind and to escalate. */
    public static final String SLA_DECISION = "counterparty-sla";

    public static final String FREEZE_REQUEST_ID = "freezeRequestId";
    public static final String COUNTERPARTY_REQUEST_ID = "counterpartyRequestId";
    public static final String COUNTERPARTY_ID = "counterpartyId";
    /** When the escalation timer fires (a {@link java.util.Date}); moved when the agency extends the deadline. */
    public static final String DEADLINE = "deadline";
    /** The agency's choice in the follow-up task, a {@link FollowUpDecision} name. */
    public static final String FOLLOW_UP_DECISION = "followUpDecision";
    /** The registered contact address a fresh link was asked for from. */
    public static final String RENEWAL_REQUESTED_BY = "renewalRequestedBy";

    public static final String SLA_URGENCY = "urgency";
    public static final String SLA_REMINDER_SHARE = "reminderShare";
    public static final String SLA_ESCALATION_SHARE = "escalationShare";

    public static final String FOLLOW_UP = "followUp";
    /** The gateway every response taken in passes, before the request decides whether it is done. */
    public static final String ALL_TARGETS_ANSWERED = "allTargetsAnswered";

    /** Correlated on {@link #COUNTERPARTY_REQUEST_ID} once a response is stored. */
    public static final String RESPONSE_MESSAGE = "counterpartyResponse";

    private CounterpartyRequestProcess() {
    }
}
