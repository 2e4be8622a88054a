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

    /**
     * Starts the non-interrupting event sub-process that takes a supplementary request through review and
     * fan-out; correlated on the case's running instance with the new request's id as a local variable.
     */
    public static final String SUPPLEMENTARY_REQUEST_FILED = "supplementaryRequestFiled";

    public static final String VALIDATE_AND_ROUTE = "validateAndRoute";
    public static final String LIST_COUNTERPARTIES = "listCounterparties";
    public static final String COMPLETE_FREEZE_REQUEST = "completeFreezeRequest";
    public static final String LEGAL_REVIEW = "legalReview";
    public static final String AMEND_REQUEST = "amendRequest";
    public static final String READ_SUMMARY = "readSummary";
    public static final String LEGAL_GROUP = "legal";

    private FreezeRequestProcess() {
    }
}
