package org.freezedesk.address;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The verdict on one address or transaction hash: either valid with the form to store, or invalid with a reason
 * a person can act on. The JSON form always carries both fields, null where they do not apply.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AddressCheck(boolean valid, String normalized, String reason) {

    public AddressCheck {
        if (valid && (normalized == null || reason != null)) {
            throw new IllegalArgumentException("a valid check has a normalized form and no reason");
        }
        if (!valid && (normalized != null || reason == null)) {
            throw new IllegalArgumentException("an invalid check has a reason and no normalized form");
        }
    }

    public static AddressCheck valid(String normalized) {
        return new AddressCheck(true, normalized, null);
    }

    public static AddressCheck invalid(String reason) {
        return new AddressCheck(false, null, reason);
    }
}
