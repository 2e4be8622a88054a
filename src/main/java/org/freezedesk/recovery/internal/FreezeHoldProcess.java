package org.freezedesk.recovery.internal;

/** Names shared by {@code bpmn/freeze-hold.bpmn} and the Java that drives it. */
public final class FreezeHoldProcess {

    public static final String KEY = "freeze-hold";

    public static final String FREEZE_HOLD_ID = "freezeHoldId";
    public static final String FILER = "filer";

    public static final String ASK_FOR_EXTENSION = "askForExtension";
    public static final String SEND_EXTENSION_REQUEST = "sendExtensionRequest";
    public static final String MARK_HOLD_LAPSED = "markHoldLapsed";

    /** Correlated on {@link #FREEZE_HOLD_ID} whenever the held-until date moves, so the timers are set anew. */
    public static final String HOLD_EXTENDED = "holdExtended";

    private FreezeHoldProcess() {
    }
}
