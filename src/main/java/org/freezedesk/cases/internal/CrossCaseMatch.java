package org.freezedesk.cases.internal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An address the filer targets that another agency's discoverable case targets too: that agency, the state of the
 * target there, and the handle to ask to join with. Nothing else of that case: not its reference, title, amounts or
 * counterparties. The handle names the case for the asking agency only (another agency gets another handle) and
 * cannot be turned back into the case without the server's key.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CrossCaseMatch(String chain, String address, String caip10, String agency, State state, String matchHandle) {

    /** Where the target stands in the other case; when a case targets the address several times, the strongest one. */
    public enum State {
        /** Asked for (in review, or sent and not frozen yet). */
        REQUESTED,
        /** A counterparty's answer in force froze all or part of the funds. */
        FROZEN,
        /** The request was withdrawn, or the counterparty lifted the freeze. */
        RELEASED;

        /** FROZEN over REQUESTED over RELEASED: what another agency most needs to know. */
        int weight() {
            return switch (this) {
                case FROZEN -> 2;
                case REQUESTED -> 1;
                case RELEASED -> 0;
            };
        }
    }
}
