package org.freezedesk.security.internal;

/** A request the admin pages and API refuse, naming the field at fault. */
public class AccountProblem extends RuntimeException {

    private final String field;

    AccountProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
