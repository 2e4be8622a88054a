package org.freezedesk.counterpartyrequest;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a counterparty reports for one target. Each outcome names, in words, what it means and which of the
 * response's fields it needs, so the portal asks only for those and the case page reads as a sentence.
 */
public enum Outcome {
    FROZEN("Frozen", "All the funds held at this address are frozen.",
            Set.of("frozenAmount", "internalReference", "heldUntil")),
    PARTIALLY_FROZEN("Partly frozen", "Some of the funds are frozen: give the amount you froze.",
            Set.of("frozenAmount", "internalReference", "heldUntil")),
    NO_FUNDS("No funds", "The address is with you but holds nothing to freeze.", Set.of("internalReference")),
    NOT_OUR_CUSTOMER("Not our customer", "The address belongs to none of your customers.", Set.of("internalReference")),
    FUNDS_MOVED("Funds moved on", "The funds left before you could freeze them: give the onward transaction and where they went.",
            Set.of("onwardTxHash", "onwardAddress", "internalReference")),
    DECLINED("Declined", "You cannot act on this request: give the reason, such as the local order you need.",
            Set.of("reason", "internalReference")),
    /** Only for a withdrawn request: the counterparty confirms it lifted the freeze. Never one of {@link #answers()}. */
    RELEASED("Released", "The request was withdrawn and you lifted the freeze on this address.", Set.of());

    private final String label;
    private final String explanation;
    private final Set<String> fields;

    Outcome(String label, String explanation, Set<String> fields) {
        this.label = label;
        this.explanation = explanation;
        this.fields = fields;
    }

    /** What a counterparty may report while the request stands. */
    public static List<Outcome> answers() {
        return Arrays.stream(values()).filter(o -> o != RELEASED).toList();
    }

    public boolean freezesFunds() {
        return this == FROZEN || this == PARTIALLY_FROZEN;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    /** Whether the response form's field {@code name} applies to this outcome. */
    public boolean uses(String field) {
        return fields.contains(field);
    }
}
