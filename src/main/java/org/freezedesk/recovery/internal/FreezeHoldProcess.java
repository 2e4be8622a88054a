package org.freezedesk.recovery.internal;

/**
 * Names shared by {@code bpmn/freeze-hold.bpmn} and the Java that drives it: the process key, its variables,
 * its activities and the beans its service tasks call (each bean named as its activity).
 */
public final class FreezeHoldProcess {

    public static final String KEY = "freeze-hold";

    public static final String FREEZE_HOLD_ID = "freezeHoldId";
    public static final String FILER = "filer";
    /** When the filer is warned (a {@link java.util.Date}); set by {@link #READ_HELD_UNTIL}. */
    public static final String LAPSE_WARNING_AT = "lapseWarningAt";
    /** When the hold lapses, whatever the filer did (a {@link java.util.Date}); set by {@link #READ_HELD_UNTIL}. */
    public static final String LAPSES_AT = "lapsesAt";

    public static final String READ_HELD_UNTIL = "readHeldUntil";
    public static final String ASK_FOR_EXTENSION = "askForExtension";
    /** Listens to the creation of {@link #ASK_FOR_EXTENSION}: the moment the filer is warned, told to other modules. */
    public static final String ANNOUNCE_LAPSE_WARNING = "announceLapseWarning";
    public static final String SEND_EXTENSION_REQUEST = "sendExtensionRequest";
    public static final String MARK_HOLD_LAPSED = "markHoldLapsed";

    /**
     * Correlated on {@link #FREEZE_HOLD_ID} whenever the held-until date moves, so the timers are set anew; taken
     * while waiting for the warning, while the filer's warning task is open, and while waiting for the extension.
     */
    public static final String HOLD_EXTENDED = "holdExtended";

    /** Correlated on {@link #FREEZE_HOLD_ID} when the request the funds were frozen under is withdrawn: ends the hold's process. */
    public static final String HOLD_RELEASED = "holdReleased";

    private FreezeHoldProcess() {
    }
}
