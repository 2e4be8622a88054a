package org.freezedesk.input;

/**
 * A change asked of something that no longer takes it (a summary already read, an extension already asked for,
 * a closed case): answered 409 with what to do instead, and the page links back.
 */
public class NotOpenException extends RuntimeException {

    public NotOpenException(String message) {
        super(message);
    }
}
