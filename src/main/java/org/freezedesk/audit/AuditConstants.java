package org.freezedesk.audit;

/** The fixed points of the audit record, shared by the log, its verification and its exports. */
public final class AuditConstants {

    /** What the first event of the log, and the first event of each case, names as its predecessor. */
    public static final String GENESIS_HASH = "0".repeat(64);

    public static final String HASH_ALGORITHM = "SHA-256";

    /** The format name written into, and required from, a case's JSON export. */
    public static final String EXPORT_FORMAT = "freezedesk-case-audit/1";

    public static final String CANONICALIZATION = "RFC 8785 JSON object of the event's fields (all strings or null), UTF-8";

    public static final int TIMELINE_PAGE_SIZE = 100;

    /** Rows per round trip when the verification walks the whole log. */
    static final int VERIFY_FETCH_SIZE = 1000;

    public static final String ENGINE_ACTOR = Actor.ENGINE.name();

    private AuditConstants() {
    }
}
