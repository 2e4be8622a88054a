package org.freezedesk.input;

/** Input that the policy refuses as a whole, named by its field or parameter: answered 400. */
public class InputRefusedException extends RuntimeException {

    private final String field;

    public InputRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
