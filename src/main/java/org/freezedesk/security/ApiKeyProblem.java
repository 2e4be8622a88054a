package org.freezedesk.security;

/** A key that cannot be created as asked, naming the field at fault; nothing was stored. */
public class ApiKeyProblem extends RuntimeException {

    private final String field;

    public ApiKeyProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
