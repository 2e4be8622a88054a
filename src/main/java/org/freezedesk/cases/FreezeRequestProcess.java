package org.freezedesk.cases;

/** Names shared by {@code bpmn/freeze-request.bpmn} and the Java that drives it. */
public final class FreezeRequestProcess {

    public static final String KEY = "freeze-request";

    public static final String FREEZE_REQUEST_ID = "freezeRequestId";
    public static final String FILER = "filer";
    public static final String REVIEW_DECISION = "reviewDecision";

    /**
     * Starts the non-interrupting event sub-process that takes a supplementary request through review and
     * fan-out; correlated on the case's running instance with the new request's id as a local variable.
     */
    public static final String SUPPLEMENTARY_REQUEST_FILED = "supplementaryRequestFiled";

    public static final String LEGAL_REVIEW = "legalReview";
    public static final String AMEND_REQUEST = "amendRequest";
    public static final String READ_SUMMARY = "readSummary";
    public static final String LEGAL_GROUP = "legal";

    private FreezeRequestProcess() {
    }
}
